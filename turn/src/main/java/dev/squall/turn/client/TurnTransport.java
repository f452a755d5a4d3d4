package dev.squall.turn.client;

/**
 * How a client reaches its TURN server (RFC 8656 §3.1): UDP datagrams, or a TCP or TLS-over-TCP
 * connection carrying framed STUN and ChannelData messages. The relayed side is UDP in every case.
 */
public enum TurnTransport {
  UDP,
  TCP,
  TLS;

  /** True for the stream transports: requests are sent once, ChannelData is padded to 4 bytes. */
  public boolean isStream() {
    return this != UDP;
  }

  /** The {@code transport} value of a {@code turn:} URL (RFC 7065): {@code udp} or {@code tcp}. */
  public String urlToken() {
    return this == UDP ? "udp" : "tcp";
  }
}
