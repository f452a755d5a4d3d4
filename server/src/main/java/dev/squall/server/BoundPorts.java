package dev.squall.server;

/**
 * The ports a started server listens on.
 *
 * @param http the HTTP/WebSocket TCP port
 * @param stunUdp the STUN (and TURN) UDP port, or -1 when STUN is disabled
 * @param stunTcp the STUN (and TURN) TCP port, or -1 when STUN is disabled
 * @param turnTls the TURN-over-TLS port, or -1 when it does not run
 */
public record BoundPorts(int http, int stunUdp, int stunTcp, int turnTls) {

  /** Without TURN over TLS. */
  public BoundPorts(int http, int stunUdp, int stunTcp) {
    this(http, stunUdp, stunTcp, -1);
  }
}
