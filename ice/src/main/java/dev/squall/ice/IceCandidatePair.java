package dev.squall.ice;

import java.net.InetSocketAddress;

/**
 * A candidate pair as the application sees it once selected.
 *
 * @param local the local candidate whose base sends (the host candidate of one transport, or a
 *     relay candidate: then the data goes through the TURN server)
 * @param remote the remote candidate (signalled, or peer-reflexive)
 * @param localAddress the address of the transport that sends and receives
 * @param remoteAddress where datagrams go
 */
public record IceCandidatePair(
    IceCandidate local,
    IceCandidate remote,
    InetSocketAddress localAddress,
    InetSocketAddress remoteAddress) {

  @Override
  public String toString() {
    return local.type().token()
        + " "
        + localAddress
        + " -> "
        + remote.type().token()
        + " "
        + remoteAddress;
  }
}
