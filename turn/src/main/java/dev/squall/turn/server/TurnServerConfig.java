package dev.squall.turn.server;

import dev.squall.turn.TurnRestCredentials;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The configuration of a TURN server (all shards share one instance). Immutable; validated in the
 * constructor; change it with the withers. {@link #defaults(InetAddress)} gives safe defaults:
 *
 * <table>
 *   <caption>defaults</caption>
 *   <tr><th>component</th><th>default</th><th>why</th></tr>
 *   <tr><td>realm / software</td><td>{@code squall} / {@code Squall}</td><td></td></tr>
 *   <tr><td>relay ports</td><td>49152–65535</td><td>RFC 8656 §7.2 (dynamic range)</td></tr>
 *   <tr><td>lifetime default / min / max</td><td>600 s / 600 s / 3600 s</td><td>RFC 8656 §7.2
 *       and §7.3: the granted lifetime is the requested one clamped to [min, max]; the RFC's rule
 *       ("at least the default") is min = default</td></tr>
 *   <tr><td>permission / channel lifetime</td><td>300 s / 600 s</td><td>RFC 8656 §9, §12 (fixed
 *       by the RFC; configurable for tests only)</td></tr>
 *   <tr><td>nonce lifetime</td><td>600 s</td><td>RFC 8489 §9.2: stale nonces get 438</td></tr>
 *   <tr><td>allocations per user / total</td><td>10 / 10,000</td><td>486 beyond</td></tr>
 *   <tr><td>permissions / channels per allocation</td><td>64 / 64</td><td>508 Insufficient
 *       Capacity beyond, which RFC 8656 §9.2 and §12.2 name for "some capacity limit"; 486 is
 *       only for allocation quotas. ICE needs a few per remote candidate.</td></tr>
 *   <tr><td>bandwidth per allocation</td><td>1,250,000 B/s (10 Mbit/s) each direction, burst
 *       256 KiB; 0 = unlimited</td><td>excess datagrams are dropped and counted</td></tr>
 *   <tr><td>max message size</td><td>8192 bytes</td><td>any client message longer is dropped as
 *       malformed; a peer datagram that would not fit once framed is dropped</td></tr>
 *   <tr><td>peer policy</td><td>{@link PeerAddressPolicy#strict()}</td><td>CVE-2020-26262,
 *       CVE-2026-27624</td></tr>
 *   <tr><td>relay to relay</td><td>refused</td><td>see {@link #allowRelayToRelay()}</td></tr>
 *   <tr><td>credentials</td><td>none</td><td>every Allocate is refused with 401 until users or a
 *       REST secret are configured</td></tr>
 *   <tr><td>nonce secret</td><td>32 random bytes</td><td>share the config across the shards of a
 *       process so nonces verify on every shard (nonces carry the issue time on the monotonic
 *       clock, so they do not travel between processes)</td></tr>
 * </table>
 *
 * @param realm the long-term credential realm (REALM), 1–127 characters
 * @param software the SOFTWARE of responses; null or empty sends none
 * @param relayIpv4 the IPv4 address relay sockets bind, or null for none (then {@code relayIpv6} is
 *     required)
 * @param relayIpv6 the IPv6 address relay sockets bind, or null for none
 * @param externalIpv4 the IPv4 address advertised in XOR-RELAYED-ADDRESS instead of {@code
 *     relayIpv4} (a 1:1 NAT in front of the server), or null
 * @param externalIpv6 the same for IPv6, or null
 * @param relayPortMin the lowest relay port (1024–65535)
 * @param relayPortMax the highest relay port (at least {@code relayPortMin})
 * @param defaultLifetime the allocation lifetime when the request has no LIFETIME
 * @param minLifetime the shortest lifetime granted (a shorter request gets this)
 * @param maxLifetime the longest lifetime granted (a longer request gets this)
 * @param permissionLifetime how long a permission lives without a refresh
 * @param channelLifetime how long a channel binding lives without a refresh
 * @param nonceLifetime how long a NONCE stays valid
 * @param maxAllocationsPerUser allocations one user may hold over all shards
 * @param maxAllocationsTotal allocations the server may hold over all shards
 * @param maxPermissionsPerAllocation permissions (peer IP addresses) per allocation
 * @param maxChannelsPerAllocation channel bindings per allocation
 * @param bandwidthBytesPerSecond relay rate per allocation and direction; 0 means unlimited
 * @param bandwidthBurstBytes the token bucket's depth
 * @param maxMessageSize the longest message accepted from a client or sent to one
 * @param peerPolicy which peer addresses may be relayed to
 * @param serverAddresses the server's own addresses (listeners, interfaces), always refused as
 *     peers; the relay and external addresses are added automatically
 * @param allowRelayToRelay when true, a peer on one of the server's own addresses is allowed if its
 *     port lies in the relay range (two clients of this server talking relay to relay); other ports
 *     of the server stay refused. False by default: then two relay-only clients of the same server
 *     cannot reach each other through it
 * @param users static long-term users, user name to password
 * @param restCredentials the TURN REST API shared secret ({@code <expiry>:<user>} user names), or
 *     null for none
 * @param nonceSecret the key of the stateless NONCE MAC (non-empty)
 */
public record TurnServerConfig(
    String realm,
    String software,
    InetAddress relayIpv4,
    InetAddress relayIpv6,
    InetAddress externalIpv4,
    InetAddress externalIpv6,
    int relayPortMin,
    int relayPortMax,
    Duration defaultLifetime,
    Duration minLifetime,
    Duration maxLifetime,
    Duration permissionLifetime,
    Duration channelLifetime,
    Duration nonceLifetime,
    int maxAllocationsPerUser,
    int maxAllocationsTotal,
    int maxPermissionsPerAllocation,
    int maxChannelsPerAllocation,
    long bandwidthBytesPerSecond,
    long bandwidthBurstBytes,
    int maxMessageSize,
    PeerAddressPolicy peerPolicy,
    Set<InetAddress> serverAddresses,
    boolean allowRelayToRelay,
    Map<String, String> users,
    TurnRestCredentials restCredentials,
    String nonceSecret) {

  /** The smallest {@link #maxMessageSize()} accepted. */
  public static final int MIN_MESSAGE_SIZE = 576;

  /** The largest {@link #maxMessageSize()} accepted: the longest STUN message. */
  public static final int MAX_MESSAGE_SIZE = 20 + 0xFFFC;

  public TurnServerConfig {
    Objects.requireNonNull(realm, "realm");
    if (realm.isEmpty() || realm.length() > 127) {
      throw new IllegalArgumentException("realm must be 1-127 characters");
    }
    if (software != null && software.length() > 127) {
      throw new IllegalArgumentException("software must be at most 127 characters");
    }
    if (relayIpv4 == null && relayIpv6 == null) {
      throw new IllegalArgumentException("at least one relay address is required");
    }
    requireFamily(relayIpv4, Inet4Address.class, "relayIpv4");
    requireFamily(relayIpv6, Inet6Address.class, "relayIpv6");
    requireFamily(externalIpv4, Inet4Address.class, "externalIpv4");
    requireFamily(externalIpv6, Inet6Address.class, "externalIpv6");
    if (relayIpv4 != null && relayIpv4.isAnyLocalAddress()
        || relayIpv6 != null && relayIpv6.isAnyLocalAddress()) {
      throw new IllegalArgumentException(
          "relay addresses must be concrete (not a wildcard): clients are told this address");
    }
    if (relayPortMin < 1024 || relayPortMax > 65535 || relayPortMin > relayPortMax) {
      throw new IllegalArgumentException(
          "relay port range must lie in 1024-65535: " + relayPortMin + "-" + relayPortMax);
    }
    positive(defaultLifetime, "defaultLifetime");
    positive(minLifetime, "minLifetime");
    positive(maxLifetime, "maxLifetime");
    positive(permissionLifetime, "permissionLifetime");
    positive(channelLifetime, "channelLifetime");
    positive(nonceLifetime, "nonceLifetime");
    if (minLifetime.compareTo(defaultLifetime) > 0 || defaultLifetime.compareTo(maxLifetime) > 0) {
      throw new IllegalArgumentException("lifetimes must satisfy min <= default <= max");
    }
    if (maxLifetime.getSeconds() > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("maxLifetime exceeds the 32-bit LIFETIME field");
    }
    if (maxAllocationsPerUser < 1
        || maxAllocationsTotal < 1
        || maxPermissionsPerAllocation < 1
        || maxChannelsPerAllocation < 1) {
      throw new IllegalArgumentException("allocation, permission and channel limits must be >= 1");
    }
    if (bandwidthBytesPerSecond < 0 || bandwidthBurstBytes < 0) {
      throw new IllegalArgumentException("bandwidth must not be negative");
    }
    if (bandwidthBytesPerSecond > 0 && bandwidthBurstBytes < 1500) {
      throw new IllegalArgumentException("bandwidth burst must hold at least one datagram (1500)");
    }
    if (maxMessageSize < MIN_MESSAGE_SIZE || maxMessageSize > MAX_MESSAGE_SIZE) {
      throw new IllegalArgumentException(
          "maxMessageSize must lie in " + MIN_MESSAGE_SIZE + "-" + MAX_MESSAGE_SIZE);
    }
    Objects.requireNonNull(peerPolicy, "peerPolicy");
    serverAddresses = Set.copyOf(serverAddresses);
    users = Map.copyOf(users);
    Objects.requireNonNull(nonceSecret, "nonceSecret");
    if (nonceSecret.isEmpty()) {
      throw new IllegalArgumentException("nonceSecret must not be empty");
    }
  }

  /**
   * Safe defaults (see the class comment) relaying on {@code relay}: the IPv4 relay address when it
   * is an IPv4 address, else the IPv6 one.
   */
  public static TurnServerConfig defaults(InetAddress relay) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    Builder b = new Builder();
    b.realm = "squall";
    b.software = "Squall";
    if (relay instanceof Inet6Address) {
      b.relayIpv6 = relay;
    } else {
      b.relayIpv4 = relay;
    }
    b.relayPortMin = 49152;
    b.relayPortMax = 65535;
    b.defaultLifetime = Duration.ofSeconds(600);
    b.minLifetime = Duration.ofSeconds(600);
    b.maxLifetime = Duration.ofSeconds(3600);
    b.permissionLifetime = Duration.ofSeconds(300);
    b.channelLifetime = Duration.ofSeconds(600);
    b.nonceLifetime = Duration.ofSeconds(600);
    b.maxAllocationsPerUser = 10;
    b.maxAllocationsTotal = 10_000;
    b.maxPermissionsPerAllocation = 64;
    b.maxChannelsPerAllocation = 64;
    b.bandwidthBytesPerSecond = 1_250_000;
    b.bandwidthBurstBytes = 256 * 1024;
    b.maxMessageSize = 8192;
    b.peerPolicy = PeerAddressPolicy.strict();
    b.serverAddresses = Set.of();
    b.users = Map.of();
    b.nonceSecret = Base64.getEncoder().encodeToString(secret);
    return b.build();
  }

  /** {@link #defaults(InetAddress)} relaying on 127.0.0.1: for tests; set a real relay address. */
  public static TurnServerConfig defaults() {
    return defaults(InetAddress.getLoopbackAddress());
  }

  /** The relay address of {@code ipv6 ? IPv6 : IPv4}, or null. */
  public InetAddress relayAddress(boolean ipv6) {
    return ipv6 ? relayIpv6 : relayIpv4;
  }

  /** The address advertised for the relay of {@code ipv6 ? IPv6 : IPv4}, or null. */
  public InetAddress advertisedAddress(boolean ipv6) {
    InetAddress external = ipv6 ? externalIpv6 : externalIpv4;
    return external != null ? external : relayAddress(ipv6);
  }

  /** True when at least one credential source is configured. */
  public boolean hasCredentials() {
    return !users.isEmpty() || restCredentials != null;
  }

  public TurnServerConfig withRealm(String v) {
    return with(b -> b.realm = v);
  }

  public TurnServerConfig withSoftware(String v) {
    return with(b -> b.software = v);
  }

  /** Relay addresses (either may be null, not both). */
  public TurnServerConfig withRelayAddresses(InetAddress ipv4, InetAddress ipv6) {
    return with(
        b -> {
          b.relayIpv4 = ipv4;
          b.relayIpv6 = ipv6;
        });
  }

  /** Advertised (external) addresses (either may be null). */
  public TurnServerConfig withExternalAddresses(InetAddress ipv4, InetAddress ipv6) {
    return with(
        b -> {
          b.externalIpv4 = ipv4;
          b.externalIpv6 = ipv6;
        });
  }

  public TurnServerConfig withRelayPorts(int min, int max) {
    return with(
        b -> {
          b.relayPortMin = min;
          b.relayPortMax = max;
        });
  }

  /** Allocation lifetimes: the default, and the bounds requests are clamped to. */
  public TurnServerConfig withLifetimes(Duration defaultLt, Duration min, Duration max) {
    return with(
        b -> {
          b.defaultLifetime = defaultLt;
          b.minLifetime = min;
          b.maxLifetime = max;
        });
  }

  public TurnServerConfig withPermissionLifetime(Duration v) {
    return with(b -> b.permissionLifetime = v);
  }

  public TurnServerConfig withChannelLifetime(Duration v) {
    return with(b -> b.channelLifetime = v);
  }

  public TurnServerConfig withNonceLifetime(Duration v) {
    return with(b -> b.nonceLifetime = v);
  }

  /** Allocation quotas (per user, in total); build the shared {@link TurnQuotas} from them. */
  public TurnServerConfig withAllocationQuotas(int perUser, int total) {
    return with(
        b -> {
          b.maxAllocationsPerUser = perUser;
          b.maxAllocationsTotal = total;
        });
  }

  /** Permissions and channels per allocation. */
  public TurnServerConfig withAllocationLimits(int permissions, int channels) {
    return with(
        b -> {
          b.maxPermissionsPerAllocation = permissions;
          b.maxChannelsPerAllocation = channels;
        });
  }

  /** Bandwidth per allocation and direction (0 = unlimited) and the burst it may save up. */
  public TurnServerConfig withBandwidth(long bytesPerSecond, long burstBytes) {
    return with(
        b -> {
          b.bandwidthBytesPerSecond = bytesPerSecond;
          b.bandwidthBurstBytes = burstBytes;
        });
  }

  public TurnServerConfig withMaxMessageSize(int v) {
    return with(b -> b.maxMessageSize = v);
  }

  public TurnServerConfig withPeerPolicy(PeerAddressPolicy v) {
    return with(b -> b.peerPolicy = v);
  }

  public TurnServerConfig withServerAddresses(Set<InetAddress> v) {
    return with(b -> b.serverAddresses = v);
  }

  public TurnServerConfig withAllowRelayToRelay(boolean v) {
    return with(b -> b.allowRelayToRelay = v);
  }

  /** Static long-term users (user name to password). */
  public TurnServerConfig withUsers(Map<String, String> v) {
    return with(b -> b.users = v);
  }

  /** The REST API shared secret (null for none). */
  public TurnServerConfig withRestCredentials(TurnRestCredentials v) {
    return with(b -> b.restCredentials = v);
  }

  public TurnServerConfig withNonceSecret(String v) {
    return with(b -> b.nonceSecret = v);
  }

  private TurnServerConfig with(Consumer<Builder> change) {
    Builder b = new Builder();
    b.realm = realm;
    b.software = software;
    b.relayIpv4 = relayIpv4;
    b.relayIpv6 = relayIpv6;
    b.externalIpv4 = externalIpv4;
    b.externalIpv6 = externalIpv6;
    b.relayPortMin = relayPortMin;
    b.relayPortMax = relayPortMax;
    b.defaultLifetime = defaultLifetime;
    b.minLifetime = minLifetime;
    b.maxLifetime = maxLifetime;
    b.permissionLifetime = permissionLifetime;
    b.channelLifetime = channelLifetime;
    b.nonceLifetime = nonceLifetime;
    b.maxAllocationsPerUser = maxAllocationsPerUser;
    b.maxAllocationsTotal = maxAllocationsTotal;
    b.maxPermissionsPerAllocation = maxPermissionsPerAllocation;
    b.maxChannelsPerAllocation = maxChannelsPerAllocation;
    b.bandwidthBytesPerSecond = bandwidthBytesPerSecond;
    b.bandwidthBurstBytes = bandwidthBurstBytes;
    b.maxMessageSize = maxMessageSize;
    b.peerPolicy = peerPolicy;
    b.serverAddresses = serverAddresses;
    b.allowRelayToRelay = allowRelayToRelay;
    b.users = users;
    b.restCredentials = restCredentials;
    b.nonceSecret = nonceSecret;
    change.accept(b);
    return b.build();
  }

  /** The components as mutable fields, for the withers. */
  private static final class Builder {
    String realm;
    String software;
    InetAddress relayIpv4;
    InetAddress relayIpv6;
    InetAddress externalIpv4;
    InetAddress externalIpv6;
    int relayPortMin;
    int relayPortMax;
    Duration defaultLifetime;
    Duration minLifetime;
    Duration maxLifetime;
    Duration permissionLifetime;
    Duration channelLifetime;
    Duration nonceLifetime;
    int maxAllocationsPerUser;
    int maxAllocationsTotal;
    int maxPermissionsPerAllocation;
    int maxChannelsPerAllocation;
    long bandwidthBytesPerSecond;
    long bandwidthBurstBytes;
    int maxMessageSize;
    PeerAddressPolicy peerPolicy;
    Set<InetAddress> serverAddresses;
    boolean allowRelayToRelay;
    Map<String, String> users;
    TurnRestCredentials restCredentials;
    String nonceSecret;

    TurnServerConfig build() {
      return new TurnServerConfig(
          realm,
          software,
          relayIpv4,
          relayIpv6,
          externalIpv4,
          externalIpv6,
          relayPortMin,
          relayPortMax,
          defaultLifetime,
          minLifetime,
          maxLifetime,
          permissionLifetime,
          channelLifetime,
          nonceLifetime,
          maxAllocationsPerUser,
          maxAllocationsTotal,
          maxPermissionsPerAllocation,
          maxChannelsPerAllocation,
          bandwidthBytesPerSecond,
          bandwidthBurstBytes,
          maxMessageSize,
          peerPolicy,
          serverAddresses,
          allowRelayToRelay,
          users,
          restCredentials,
          nonceSecret);
    }
  }

  @Override
  public String toString() {
    // no passwords or secrets
    return "TurnServerConfig[realm="
        + realm
        + ", relay="
        + relayIpv4
        + "/"
        + relayIpv6
        + ", ports="
        + relayPortMin
        + "-"
        + relayPortMax
        + ", users="
        + users.size()
        + ", rest="
        + (restCredentials != null)
        + ", policy="
        + peerPolicy
        + "]";
  }

  private static void requireFamily(InetAddress a, Class<?> family, String name) {
    if (a != null && !family.isInstance(a)) {
      throw new IllegalArgumentException(name + " must be an " + family.getSimpleName());
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
