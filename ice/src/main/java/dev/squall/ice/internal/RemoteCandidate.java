package dev.squall.ice.internal;

import dev.squall.ice.IceCandidate;
import java.net.Inet4Address;
import java.net.InetSocketAddress;

/**
 * A remote candidate with its resolved address (after mDNS resolution for {@code .local} names, or
 * the source of a check for peer-reflexive ones).
 */
public record RemoteCandidate(IceCandidate candidate, InetSocketAddress address) {

  public boolean isIpv4() {
    return address.getAddress() instanceof Inet4Address;
  }

  @Override
  public String toString() {
    return candidate.type().token() + " " + address;
  }
}
