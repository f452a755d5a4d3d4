package dev.squall.turn.server.internal;

import dev.squall.turn.server.PeerAddressPolicy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Applies the {@link PeerAddressPolicy} (with the server's own addresses added) to peers, with the
 * relay-to-relay exception: when enabled, a peer on one of the relay addresses (as bound or
 * advertised, in that exact form) is judged by its category alone if its port is a relay port; for
 * CreatePermission, which has no port, by the address alone (a later Send or ChannelBind to a
 * non-relay port of it is still refused).
 */
public final class PeerCheck {

  private final PeerAddressPolicy policy;
  private final boolean relayToRelay;
  private final List<InetAddress> relayAddresses;
  private final int relayPortMin;
  private final int relayPortMax;

  /**
   * @param policy the policy, the server's own addresses already added
   * @param relayToRelay whether the relay-to-relay exception applies
   * @param relayAddresses the relay addresses, bound and advertised
   */
  public PeerCheck(
      PeerAddressPolicy policy,
      boolean relayToRelay,
      List<InetAddress> relayAddresses,
      int relayPortMin,
      int relayPortMax) {
    this.policy = policy;
    this.relayToRelay = relayToRelay;
    this.relayAddresses = List.copyOf(relayAddresses);
    this.relayPortMin = relayPortMin;
    this.relayPortMax = relayPortMax;
  }

  /** Why a permission for {@code peer} is refused, or null. */
  public String refusal(InetAddress peer) {
    boolean exempt = relayToRelay && relayAddresses.contains(peer);
    return policy.refusal(peer, exempt).orElse(null);
  }

  /** Why relaying to {@code peer} is refused, or null. */
  public String refusal(InetSocketAddress peer) {
    int port = peer.getPort();
    boolean exempt =
        relayToRelay
            && port >= relayPortMin
            && port <= relayPortMax
            && relayAddresses.contains(peer.getAddress());
    return policy.refusal(peer.getAddress(), exempt).orElse(null);
  }
}
