package dev.squall.ice.internal;

import dev.squall.ice.IceCandidate;
import dev.squall.net.DatagramTransport;
import java.net.InetSocketAddress;

/**
 * One transport given to the agent and the host candidate it yields. Every check is sent from a
 * base (server-reflexive candidates are replaced by their base, RFC 8445 §6.1.2.4).
 *
 * @param index the transport's position in the agent's list (sets the local preference)
 */
public record LocalBase(int index, DatagramTransport transport, IceCandidate host) {

  public InetSocketAddress address() {
    return transport.localAddress();
  }

  /** True for a relay base: the transport is a TURN allocation, the candidate a relay one. */
  public boolean isRelay() {
    return host.type() == dev.squall.ice.CandidateType.RELAYED;
  }

  public boolean isIpv4() {
    return address().getAddress() instanceof java.net.Inet4Address;
  }

  @Override
  public String toString() {
    return (isRelay() ? "relay " : "host ") + address();
  }
}
