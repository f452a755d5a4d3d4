package dev.squall.turn.server;

import dev.squall.turn.server.internal.Cidr;
import dev.squall.turn.server.internal.EmbeddedIpv4;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which peer addresses the server relays to (RFC 8656 §21.5, "preventing unwanted traffic"; §9: the
 * server may refuse a peer address with 403). A TURN server is an open UDP proxy for anyone with a
 * credential; without this policy a client reaches the server's loopback services, the cloud
 * metadata endpoint at 169.254.169.254 and the operator's private network.
 *
 * <p>{@link #strict()} (the default) refuses:
 *
 * <table>
 *   <caption>categories refused by default</caption>
 *   <tr><th>category</th><th>IPv4</th><th>IPv6</th><th>switch</th></tr>
 *   <tr><td>{@code unspecified}</td><td>0.0.0.0/8</td><td>::</td><td>allow CIDR only</td></tr>
 *   <tr><td>{@code loopback}</td><td>127.0.0.0/8</td><td>::1</td><td>{@link #allowLoopback}</td></tr>
 *   <tr><td>{@code private}</td><td>10/8, 172.16/12, 192.168/16, 100.64/10 (CGNAT)</td>
 *       <td>fc00::/7 (ULA), fec0::/10 (site-local), 64:ff9b:1::/48 (local NAT64)</td>
 *       <td>{@link #allowPrivate}</td></tr>
 *   <tr><td>{@code link-local}</td><td>169.254/16 (incl. 169.254.169.254)</td><td>fe80::/10</td>
 *       <td>allow CIDR only</td></tr>
 *   <tr><td>{@code multicast}</td><td>224/4</td><td>ff00::/8</td><td>allow CIDR only</td></tr>
 *   <tr><td>{@code broadcast}</td><td>255.255.255.255</td><td></td><td>allow CIDR only</td></tr>
 *   <tr><td>{@code reserved}</td><td>240/4</td><td>other ::/8, 100::/64 (discard)</td>
 *       <td>allow CIDR only</td></tr>
 *   <tr><td>{@code server-address}</td><td colspan="2">the server's own listener and relay
 *       addresses ({@link #withServerAddresses})</td><td>allow CIDR only</td></tr>
 * </table>
 *
 * <p>Documentation (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32) and benchmarking
 * (198.18/15) ranges are <em>allowed</em>: they are not routed on the Internet, so refusing them
 * protects nothing, and virtual test networks use them as "public" addresses. Add a {@link #deny}
 * to refuse them.
 *
 * <p>Every form of an address is judged: an IPv6 address that embeds an IPv4 address (IPv4-mapped,
 * IPv4-compatible, SIIT, NAT64, 6to4, Teredo; see {@code EmbeddedIpv4}) is refused when the
 * embedded address would be. Precedence: an explicit {@link #deny} CIDR matching the address or an
 * embedded one refuses, whatever else is configured; then an {@link #allow} CIDR matching the
 * address (or the embedded one) waives the category refusal; then the categories apply.
 *
 * <p>Immutable and thread-safe; withers return a new policy.
 */
public final class PeerAddressPolicy {

  /** A peer matched a {@link #deny} CIDR. */
  public static final String DENIED = "denied";

  public static final String UNSPECIFIED = "unspecified";
  public static final String LOOPBACK = "loopback";
  public static final String PRIVATE = "private";
  public static final String LINK_LOCAL = "link-local";
  public static final String MULTICAST = "multicast";
  public static final String BROADCAST = "broadcast";
  public static final String RESERVED = "reserved";
  public static final String SERVER_ADDRESS = "server-address";

  private final boolean allowLoopback;
  private final boolean allowPrivate;
  private final List<Cidr> allow;
  private final List<Cidr> deny;
  private final List<byte[]> serverAddresses;

  private PeerAddressPolicy(
      boolean allowLoopback,
      boolean allowPrivate,
      List<Cidr> allow,
      List<Cidr> deny,
      List<byte[]> serverAddresses) {
    this.allowLoopback = allowLoopback;
    this.allowPrivate = allowPrivate;
    this.allow = List.copyOf(allow);
    this.deny = List.copyOf(deny);
    this.serverAddresses = List.copyOf(serverAddresses);
  }

  /** The default policy: every category in the class comment refused, no CIDR lists. */
  public static PeerAddressPolicy strict() {
    return new PeerAddressPolicy(false, false, List.of(), List.of(), List.of());
  }

  /** Whether loopback peers (127/8, ::1, and their embedded forms) are allowed. */
  public PeerAddressPolicy allowLoopback(boolean allowed) {
    return new PeerAddressPolicy(allowed, allowPrivate, allow, deny, serverAddresses);
  }

  /** Whether private peers (RFC 1918, CGNAT, ULA, site-local, local NAT64) are allowed. */
  public PeerAddressPolicy allowPrivate(boolean allowed) {
    return new PeerAddressPolicy(allowLoopback, allowed, allow, deny, serverAddresses);
  }

  /**
   * Adds a prefix whose addresses are allowed even when a category refuses them.
   *
   * @throws IllegalArgumentException when {@code cidr} is not an IP literal with a prefix length
   */
  public PeerAddressPolicy allow(String cidr) {
    List<Cidr> list = new ArrayList<>(allow);
    list.add(Cidr.parse(cidr));
    return new PeerAddressPolicy(allowLoopback, allowPrivate, list, deny, serverAddresses);
  }

  /**
   * Adds a prefix whose addresses are refused, whatever else is configured.
   *
   * @throws IllegalArgumentException when {@code cidr} is not an IP literal with a prefix length
   */
  public PeerAddressPolicy deny(String cidr) {
    List<Cidr> list = new ArrayList<>(deny);
    list.add(Cidr.parse(cidr));
    return new PeerAddressPolicy(allowLoopback, allowPrivate, allow, list, serverAddresses);
  }

  /**
   * The same policy also refusing {@code addresses} (the server's own listener and relay addresses;
   * the core adds its relay and external addresses itself).
   */
  public PeerAddressPolicy withServerAddresses(Collection<InetAddress> addresses) {
    List<byte[]> list = new ArrayList<>(serverAddresses);
    for (InetAddress a : addresses) {
      byte[] bytes = normalise(Objects.requireNonNull(a, "address").getAddress());
      if (list.stream().noneMatch(b -> Arrays.equals(b, bytes))) {
        list.add(bytes);
      }
    }
    return new PeerAddressPolicy(allowLoopback, allowPrivate, allow, deny, list);
  }

  public boolean loopbackAllowed() {
    return allowLoopback;
  }

  public boolean privateAllowed() {
    return allowPrivate;
  }

  /** Why {@code peer} is refused (one of the category constants), or empty when it is allowed. */
  public Optional<String> refusal(InetAddress peer) {
    return Optional.ofNullable(check(peer.getAddress(), false));
  }

  /**
   * Like {@link #refusal(InetAddress)}, but with {@code exemptServerAddresses} the server's own
   * addresses are judged by their category only (for relay-to-relay traffic, see {@link
   * TurnServerConfig#allowRelayToRelay()}).
   */
  public Optional<String> refusal(InetAddress peer, boolean exemptServerAddresses) {
    return Optional.ofNullable(check(peer.getAddress(), exemptServerAddresses));
  }

  /** True when {@code peer} (or the IPv4 address it embeds) is one of the server's addresses. */
  public boolean isServerAddress(InetAddress peer) {
    byte[] raw = peer.getAddress();
    if (isServer(raw)) {
      return true;
    }
    for (byte[] v4 : EmbeddedIpv4.of(raw)) {
      if (isServer(v4)) {
        return true;
      }
    }
    return false;
  }

  private String check(byte[] raw, boolean exemptServer) {
    List<byte[]> embedded = EmbeddedIpv4.of(raw);
    if (matches(deny, raw)) {
      return DENIED;
    }
    for (byte[] v4 : embedded) {
      if (matches(deny, v4)) {
        return DENIED;
      }
    }
    boolean rawAllowed = matches(allow, raw);
    if (!exemptServer && !rawAllowed) {
      if (isServer(raw)) {
        return SERVER_ADDRESS;
      }
      for (byte[] v4 : embedded) {
        if (isServer(v4) && !matches(allow, v4)) {
          return SERVER_ADDRESS;
        }
      }
    }
    if (!rawAllowed) {
      String category = raw.length == 4 ? categoryV4(raw) : categoryV6(raw, !embedded.isEmpty());
      if (category != null && !switchAllows(category)) {
        return category;
      }
      for (byte[] v4 : embedded) {
        String c = categoryV4(v4);
        if (c != null && !switchAllows(c) && !matches(allow, v4)) {
          return c;
        }
      }
    }
    return null;
  }

  private boolean switchAllows(String category) {
    return (LOOPBACK.equals(category) && allowLoopback)
        || (PRIVATE.equals(category) && allowPrivate);
  }

  private boolean isServer(byte[] address) {
    for (byte[] s : serverAddresses) {
      if (Arrays.equals(s, address)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(List<Cidr> list, byte[] address) {
    for (Cidr c : list) {
      if (c.contains(address)) {
        return true;
      }
    }
    return false;
  }

  static String categoryV4(byte[] a) {
    int b0 = a[0] & 0xFF;
    int b1 = a[1] & 0xFF;
    if (b0 == 0) {
      return UNSPECIFIED;
    }
    if (b0 == 127) {
      return LOOPBACK;
    }
    if (b0 == 10
        || (b0 == 172 && (b1 & 0xF0) == 16)
        || (b0 == 192 && b1 == 168)
        || (b0 == 100 && (b1 & 0xC0) == 64)) {
      return PRIVATE;
    }
    if (b0 == 169 && b1 == 254) {
      return LINK_LOCAL;
    }
    if (b0 >= 224 && b0 <= 239) {
      return MULTICAST;
    }
    if (b0 == 255 && b1 == 255 && (a[2] & 0xFF) == 255 && (a[3] & 0xFF) == 255) {
      return BROADCAST;
    }
    if (b0 >= 240) {
      return RESERVED;
    }
    return null;
  }

  static String categoryV6(byte[] a, boolean embedsIpv4) {
    int b0 = a[0] & 0xFF;
    int b1 = a[1] & 0xFF;
    boolean first15Zero = true;
    for (int i = 0; i < 15; i++) {
      first15Zero &= a[i] == 0;
    }
    if (first15Zero && a[15] == 0) {
      return UNSPECIFIED;
    }
    if (first15Zero && a[15] == 1) {
      return LOOPBACK;
    }
    if (b0 == 0x00 && b1 == 0x64 && (a[2] & 0xFF) == 0xff && (a[3] & 0xFF) == 0x9b) {
      // NAT64: the well-known prefix is judged by its IPv4 address; the local-use one is private
      return a[4] == 0 && a[5] == 1 ? PRIVATE : (embedsIpv4 ? null : RESERVED);
    }
    if (embedsIpv4) {
      return null; // judged by the embedded IPv4 address
    }
    if (b0 == 0x00) {
      return RESERVED; // ::/8 outside the forms above
    }
    if (b0 == 0x01 && b1 == 0x00) {
      boolean discard = true;
      for (int i = 2; i < 8; i++) {
        discard &= a[i] == 0;
      }
      if (discard) {
        return RESERVED; // 100::/64
      }
    }
    if ((b0 & 0xFE) == 0xFC) {
      return PRIVATE; // fc00::/7
    }
    if (b0 == 0xFE && (b1 & 0xC0) == 0x80) {
      return LINK_LOCAL; // fe80::/10
    }
    if (b0 == 0xFE && (b1 & 0xC0) == 0xC0) {
      return PRIVATE; // fec0::/10
    }
    if (b0 == 0xFF) {
      return MULTICAST;
    }
    return null;
  }

  /** An IPv4-mapped address as its 4 bytes; anything else unchanged. */
  private static byte[] normalise(byte[] a) {
    if (a.length == 16
        && EmbeddedIpv4.of(a).size() == 1
        && (a[10] & 0xFF) == 0xFF
        && (a[11] & 0xFF) == 0xFF) {
      return Arrays.copyOfRange(a, 12, 16);
    }
    return a;
  }

  @Override
  public String toString() {
    return "PeerAddressPolicy[loopback="
        + allowLoopback
        + ", private="
        + allowPrivate
        + ", allow="
        + allow
        + ", deny="
        + deny
        + ", serverAddresses="
        + serverAddresses.size()
        + "]";
  }
}
