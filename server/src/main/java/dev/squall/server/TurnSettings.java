package dev.squall.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The server's TURN relay (RFC 8656): on by default on the STUN port (UDP and TCP) and, when the
 * server has a TLS certificate, over TLS on {@link #tlsPort()}. Build one with {@link #builder()};
 * the defaults are safe: peers on loopback and private networks are refused, and the REST secret is
 * generated at start, so only credentials handed out through signaling work.
 *
 * @param enabled false runs no TURN (the STUN port answers STUN Binding only)
 * @param realm the REALM of long-term credentials (RFC 8489 §9.2)
 * @param secret the TURN REST API shared secret (credentials {@code expiry:user} / Base64
 *     HMAC-SHA1), or null to generate a random one at start
 * @param users static long-term users, user name to password
 * @param relayAddress the IP literal relay sockets bind to and that clients are told (XOR-RELAYED-
 *     ADDRESS), or null for the bind host, or when that is a wildcard, the first non-loopback IPv4
 *     address of the machine
 * @param minRelayPort the lowest relay port
 * @param maxRelayPort the highest relay port
 * @param tlsPort TURN over TLS; 0 picks a free port, -1 turns it off (it is off anyway without a
 *     certificate)
 * @param allowLoopbackPeers relay to 127.0.0.0/8 and ::1, the server's own loopback addresses
 *     included (tests and one-machine demos only)
 * @param allowPrivatePeers relay to private, link-local and unique-local networks
 * @param allowedPeers CIDR ranges relayed to even when the policy would refuse them
 * @param deniedPeers CIDR ranges never relayed to
 * @param relayToRelay relay between two allocations of this server (a peer on the server's own
 *     relay address, at a relay port), as two relay-only clients of the same server need; other
 *     ports of the server's own addresses stay refused
 * @param maxAllocationsPerUser allocations one user may hold at once
 * @param maxAllocations allocations on the whole server
 * @param maxLifetime the longest allocation lifetime a client may ask for
 * @param bandwidth bytes per second one allocation may relay (each direction), 0 = unlimited; 10
 *     Mbit/s by default
 * @param credentialTtl how long credentials handed out through signaling are valid
 */
public record TurnSettings(
    boolean enabled,
    String realm,
    String secret,
    Map<String, String> users,
    String relayAddress,
    int minRelayPort,
    int maxRelayPort,
    int tlsPort,
    boolean allowLoopbackPeers,
    boolean allowPrivatePeers,
    List<String> allowedPeers,
    List<String> deniedPeers,
    boolean relayToRelay,
    int maxAllocationsPerUser,
    int maxAllocations,
    Duration maxLifetime,
    long bandwidth,
    Duration credentialTtl) {

  /** The default TURN-over-TLS port (RFC 8656 §3.1). */
  public static final int DEFAULT_TLS_PORT = 5349;

  /** The default rate per allocation and direction: 10 Mbit/s, in bytes per second. */
  public static final long DEFAULT_BANDWIDTH = 1_250_000;

  /** The shortest allocation lifetime the server must grant (RFC 8656 §7.2: 10 minutes). */
  public static final Duration MIN_LIFETIME = Duration.ofMinutes(10);

  private static final Pattern REALM = Pattern.compile("[\\x21-\\x7E][\\x20-\\x7E]{0,126}");
  private static final Pattern IP_LITERAL =
      Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  public TurnSettings {
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(maxLifetime, "maxLifetime");
    Objects.requireNonNull(credentialTtl, "credentialTtl");
    users = Map.copyOf(Objects.requireNonNull(users, "users"));
    allowedPeers = List.copyOf(allowedPeers);
    deniedPeers = List.copyOf(deniedPeers);
    if (!REALM.matcher(realm).matches()) {
      throw new IllegalArgumentException(
          "TURN realm must be 1-127 printable ASCII characters, was '" + realm + "'");
    }
    if (secret != null && secret.isEmpty()) {
      throw new IllegalArgumentException("TURN secret must not be empty");
    }
    users.forEach(
        (u, p) -> {
          if (u.isEmpty() || u.indexOf(':') >= 0 || p.isEmpty()) {
            throw new IllegalArgumentException(
                "TURN user '" + u + "': expected USER:PASSWORD, both non-empty");
          }
        });
    if (relayAddress != null) {
      parseIp(relayAddress, "TURN relay address");
    }
    if (minRelayPort < 1024 || maxRelayPort > 65535 || minRelayPort > maxRelayPort) {
      throw new IllegalArgumentException(
          "TURN relay port range must lie in 1024-65535 with MIN <= MAX, was "
              + minRelayPort
              + "-"
              + maxRelayPort);
    }
    if (tlsPort < -1 || tlsPort > 65535) {
      throw new IllegalArgumentException("TURN TLS port must be -1..65535, was " + tlsPort);
    }
    allowedPeers.forEach(c -> cidr(c, "allowed peer"));
    deniedPeers.forEach(c -> cidr(c, "denied peer"));
    if (maxAllocationsPerUser < 1 || maxAllocations < 1) {
      throw new IllegalArgumentException("TURN allocation limits must be at least 1");
    }
    if (maxLifetime.compareTo(MIN_LIFETIME) < 0 || maxLifetime.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException(
          "TURN maximum lifetime must be between 10m and 24h, was " + maxLifetime);
    }
    if (bandwidth < 0) {
      throw new IllegalArgumentException("TURN bandwidth must not be negative");
    }
    if (credentialTtl.compareTo(Duration.ofMinutes(1)) < 0
        || credentialTtl.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException(
          "TURN credential lifetime must be between 1m and 7d, was " + credentialTtl);
    }
  }

  /** The defaults: on, strict peer policy, a generated secret. */
  public static TurnSettings defaults() {
    return builder().build();
  }

  /** TURN off. */
  public static TurnSettings off() {
    return builder().enabled(false).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.enabled = enabled;
    b.realm = realm;
    b.secret = secret;
    b.users = new LinkedHashMap<>(users);
    b.relayAddress = relayAddress;
    b.minRelayPort = minRelayPort;
    b.maxRelayPort = maxRelayPort;
    b.tlsPort = tlsPort;
    b.allowLoopbackPeers = allowLoopbackPeers;
    b.allowPrivatePeers = allowPrivatePeers;
    b.allowedPeers = allowedPeers;
    b.deniedPeers = deniedPeers;
    b.relayToRelay = relayToRelay;
    b.maxAllocationsPerUser = maxAllocationsPerUser;
    b.maxAllocations = maxAllocations;
    b.maxLifetime = maxLifetime;
    b.bandwidth = bandwidth;
    b.credentialTtl = credentialTtl;
    return b;
  }

  /**
   * Checks a CIDR range ({@code 10.0.0.0/8}, {@code 2001:db8::/32}; a bare address is a /32 or
   * /128).
   *
   * @throws IllegalArgumentException naming the problem
   */
  public static void cidr(String text, String what) {
    String t = text == null ? "" : text.trim();
    int slash = t.indexOf('/');
    InetAddress address = parseIp(slash < 0 ? t : t.substring(0, slash), what + " '" + text + "'");
    if (slash >= 0) {
      int max = address.getAddress().length * 8;
      String bits = t.substring(slash + 1);
      if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
        throw new IllegalArgumentException(
            what + " '" + text + "': the prefix length must be 0-" + max);
      }
    }
  }

  /** Parses an IP literal without any name lookup. */
  static InetAddress parseIp(String text, String what) {
    if (text == null || !IP_LITERAL.matcher(text).matches()) {
      throw new IllegalArgumentException(what + " must be an IP address, was '" + text + "'");
    }
    try {
      return InetAddress.getByName(text); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(what + " must be an IP address, was '" + text + "'");
    }
  }

  /** Like the record's, but never shows the secret or passwords. */
  @Override
  public String toString() {
    return "TurnSettings[enabled="
        + enabled
        + ", realm="
        + realm
        + ", secret="
        + (secret == null ? "generated" : "given")
        + ", users="
        + users.keySet()
        + ", relayAddress="
        + relayAddress
        + ", relayPorts="
        + minRelayPort
        + "-"
        + maxRelayPort
        + ", tlsPort="
        + tlsPort
        + ", loopbackPeers="
        + allowLoopbackPeers
        + ", privatePeers="
        + allowPrivatePeers
        + ", allowedPeers="
        + allowedPeers
        + ", deniedPeers="
        + deniedPeers
        + ", relayToRelay="
        + relayToRelay
        + ", maxAllocationsPerUser="
        + maxAllocationsPerUser
        + ", maxAllocations="
        + maxAllocations
        + ", maxLifetime="
        + maxLifetime
        + ", bandwidth="
        + bandwidth
        + ", credentialTtl="
        + credentialTtl
        + "]";
  }

  /** A mutable builder with the defaults described on {@link TurnSettings}. */
  public static final class Builder {
    private boolean enabled = true;
    private String realm = "squall";
    private String secret;
    private Map<String, String> users = new LinkedHashMap<>();
    private String relayAddress;
    private int minRelayPort = 49152;
    private int maxRelayPort = 65535;
    private int tlsPort = DEFAULT_TLS_PORT;
    private boolean allowLoopbackPeers;
    private boolean allowPrivatePeers;
    private List<String> allowedPeers = List.of();
    private List<String> deniedPeers = List.of();
    private boolean relayToRelay = true;
    private int maxAllocationsPerUser = 10;
    private int maxAllocations = 10_000;
    private Duration maxLifetime = Duration.ofHours(1);
    private long bandwidth = DEFAULT_BANDWIDTH;
    private Duration credentialTtl = Duration.ofHours(24);

    private Builder() {}

    public Builder enabled(boolean v) {
      enabled = v;
      return this;
    }

    public Builder realm(String v) {
      realm = v;
      return this;
    }

    public Builder secret(String v) {
      secret = v;
      return this;
    }

    public Builder users(Map<String, String> v) {
      users = new LinkedHashMap<>(v);
      return this;
    }

    public Builder user(String name, String password) {
      users.put(name, password);
      return this;
    }

    public Builder relayAddress(String v) {
      relayAddress = v;
      return this;
    }

    public Builder relayPorts(int min, int max) {
      minRelayPort = min;
      maxRelayPort = max;
      return this;
    }

    public Builder tlsPort(int v) {
      tlsPort = v;
      return this;
    }

    public Builder allowLoopbackPeers(boolean v) {
      allowLoopbackPeers = v;
      return this;
    }

    public Builder allowPrivatePeers(boolean v) {
      allowPrivatePeers = v;
      return this;
    }

    public Builder allowedPeers(List<String> v) {
      allowedPeers = v;
      return this;
    }

    public Builder deniedPeers(List<String> v) {
      deniedPeers = v;
      return this;
    }

    public Builder relayToRelay(boolean v) {
      relayToRelay = v;
      return this;
    }

    public Builder maxAllocationsPerUser(int v) {
      maxAllocationsPerUser = v;
      return this;
    }

    public Builder maxAllocations(int v) {
      maxAllocations = v;
      return this;
    }

    public Builder maxLifetime(Duration v) {
      maxLifetime = v;
      return this;
    }

    public Builder bandwidth(long bytesPerSecond) {
      bandwidth = bytesPerSecond;
      return this;
    }

    public Builder credentialTtl(Duration v) {
      credentialTtl = v;
      return this;
    }

    public TurnSettings build() {
      return new TurnSettings(
          enabled,
          realm,
          secret,
          users,
          relayAddress,
          minRelayPort,
          maxRelayPort,
          tlsPort,
          allowLoopbackPeers,
          allowPrivatePeers,
          allowedPeers,
          deniedPeers,
          relayToRelay,
          maxAllocationsPerUser,
          maxAllocations,
          maxLifetime,
          bandwidth,
          credentialTtl);
    }
  }
}
