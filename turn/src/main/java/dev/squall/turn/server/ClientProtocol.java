package dev.squall.turn.server;

/** How a client reached the TURN server (the transport of the client-to-server 5-tuple). */
public enum ClientProtocol {
  UDP,
  TCP,
  TLS;

  /** True for the stream transports, over which ChannelData is padded to a multiple of 4. */
  public boolean isStream() {
    return this != UDP;
  }
}
