package dev.squall.bench.signal;

/**
 * Realistic relay payloads: a host ICE candidate line and a data-channel-only SDP offer (about 450
 * bytes), each carrying the sender's {@link System#nanoTime()} where a real one carries an opaque
 * number (candidate foundation, SDP session id). A negative timestamp is written as {@code
 * n<digits>} so it stays one token.
 */
final class Payloads {
  static final String CANDIDATE_PREFIX = "candidate:";
  static final String ORIGIN_PREFIX = "o=- ";
  static final String UFRAG = "Xq7f";

  private Payloads() {}

  private static String stamp(long nanos) {
    return nanos < 0 ? "n" + (-nanos) : Long.toString(nanos);
  }

  /** The {@code candidate} JSON object, as RTCIceCandidate.toJSON() writes it. */
  static String candidateJson(long sentNanos, int sequence) {
    return "{\"candidate\":\"candidate:"
        + stamp(sentNanos)
        + " 1 udp 2122260223 127.0.0.1 "
        + (50000 + (sequence & 0x3FFF))
        + " typ host generation 0 ufrag "
        + UFRAG
        + " network-id 1\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\""
        + UFRAG
        + "\"}";
  }

  /** A JSON string literal (quotes included) holding an SDP offer with one data channel. */
  static String offerSdpJson(long sentNanos) {
    return "\"v=0\\r\\no=- "
        + stamp(sentNanos)
        + " 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\na=group:BUNDLE 0\\r\\n"
        + "a=extmap-allow-mixed\\r\\na=msid-semantic: WMS\\r\\n"
        + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\\r\\nc=IN IP4 0.0.0.0\\r\\n"
        + "a=ice-ufrag:"
        + UFRAG
        + "\\r\\na=ice-pwd:3dXq8nJpVq0b1Wd7Vw2cL9xM\\r\\na=ice-options:trickle\\r\\n"
        + "a=fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:"
        + "DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08\\r\\n"
        + "a=setup:actpass\\r\\na=mid:0\\r\\na=sctp-port:5000\\r\\n"
        + "a=max-message-size:262144\\r\\n\"";
  }
}
