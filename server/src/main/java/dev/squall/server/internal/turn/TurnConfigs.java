package dev.squall.server.internal.turn;

import dev.squall.server.TurnSettings;
import dev.squall.server.internal.StunListeners;
import dev.squall.turn.TurnRestCredentials;
import dev.squall.turn.server.PeerAddressPolicy;
import dev.squall.turn.server.TurnServerConfig;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;

/** Maps the server's {@link TurnSettings} onto the TURN core's {@link TurnServerConfig}. */
final class TurnConfigs {

  /** The token bucket depth when a rate is set: a burst of about 180 full-size datagrams. */
  static final long BURST_BYTES = 256 * 1024;

  /** The lifetime granted when a request names none, and the shortest (RFC 8656 §7.2). */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);

  private TurnConfigs() {}

  /**
   * @param relay the relay address (concrete, IPv4 or IPv6)
   * @param own the server's own addresses (never peers, unless relay to relay)
   */
  static TurnServerConfig of(
      TurnSettings t, String secret, InetAddress relay, Set<InetAddress> own) {
    return TurnServerConfig.defaults(relay instanceof Inet4Address ? relay : null)
        .withRelayAddresses(
            relay instanceof Inet4Address ? relay : null,
            relay instanceof Inet4Address ? null : relay)
        .withRealm(t.realm())
        .withSoftware(StunListeners.SOFTWARE)
        .withRelayPorts(t.minRelayPort(), t.maxRelayPort())
        .withLifetimes(DEFAULT_LIFETIME, DEFAULT_LIFETIME, t.maxLifetime())
        .withAllocationQuotas(t.maxAllocationsPerUser(), t.maxAllocations())
        .withBandwidth(t.bandwidth(), t.bandwidth() == 0 ? 0 : BURST_BYTES)
        .withPeerPolicy(policy(t))
        .withServerAddresses(own)
        .withAllowRelayToRelay(t.relayToRelay())
        .withUsers(t.users())
        .withRestCredentials(new TurnRestCredentials(secret));
  }

  /**
   * The strict policy with the operator's switches and ranges. Allowing loopback peers also allows
   * the server's own loopback addresses (an explicit allow range waives the core's server-address
   * refusal): on a server bound to loopback, the only loopback peers are on its own address.
   */
  static PeerAddressPolicy policy(TurnSettings t) {
    PeerAddressPolicy policy =
        PeerAddressPolicy.strict()
            .allowLoopback(t.allowLoopbackPeers())
            .allowPrivate(t.allowPrivatePeers());
    if (t.allowLoopbackPeers()) {
      policy = policy.allow("127.0.0.0/8").allow("::1/128");
    }
    for (String cidr : t.allowedPeers()) {
      policy = policy.allow(cidr);
    }
    for (String cidr : t.deniedPeers()) {
      policy = policy.deny(cidr);
    }
    return policy;
  }
}
