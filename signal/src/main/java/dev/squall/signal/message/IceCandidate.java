package dev.squall.signal.message;

import java.util.Objects;

/**
 * An ICE candidate as {@code RTCIceCandidate.toJSON()} produces it (W3C {@code
 * RTCIceCandidateInit}).
 *
 * <pre>
 * {"candidate":"candidate:1 1 udp …", "sdpMid":"0"?, "sdpMLineIndex":0?, "usernameFragment":"…"?}
 * </pre>
 *
 * @param candidate the {@code candidate-attribute} text (RFC 8839 §5.1), may be empty
 * @param sdpMid media stream id, or null
 * @param sdpMLineIndex m-line index 0..65535, or null
 * @param usernameFragment ICE ufrag, or null
 */
public record IceCandidate(
    String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {

  public IceCandidate {
    Objects.requireNonNull(candidate, "candidate");
    if (sdpMLineIndex != null && (sdpMLineIndex < 0 || sdpMLineIndex > 65535)) {
      throw new IllegalArgumentException("sdpMLineIndex out of range: " + sdpMLineIndex);
    }
  }
}
