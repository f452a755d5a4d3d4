package dev.squall.vnet;

import dev.squall.vnet.internal.NatTable;
import dev.squall.vnet.internal.Subnet;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A router of the virtual network: the WAN (the root, no NAT) or a NAT device whose outside
 * interface has one address on its parent router and whose inside is a private subnet. Hosts and
 * child NATs attach to a router by a {@link Link}.
 *
 * <p>Forwarding, for a packet arriving from inside: to an address attached here, straight down that
 * link (hosts on one LAN talk directly); to the NAT's own external address, hairpinned when the
 * behaviour allows it; anything else is translated (source rewritten to the mapping) and sent up
 * the uplink. For a packet arriving from outside: the NAT looks up the mapping of the destination
 * port and applies its filtering. The WAN drops what it has no route for.
 */
public final class Router {

  private final VirtualNetwork network;
  private final String name;
  private final Subnet subnet;
  private final Router parent;
  private final NatBehavior behavior;
  private final InetAddress externalIp;
  private final Link uplink;
  private final NatTable nat;
  private final Map<InetAddress, Link> attached = new HashMap<>();
  private final PacketStats stats = new PacketStats();
  private int nextAddress = 2;

  /** The WAN. */
  Router(VirtualNetwork network, String name, Subnet subnet) {
    this.network = network;
    this.name = name;
    this.subnet = subnet;
    this.parent = null;
    this.behavior = null;
    this.externalIp = null;
    this.uplink = null;
    this.nat = null;
  }

  /** A NAT under {@code parent}. */
  private Router(
      VirtualNetwork network, String name, Subnet subnet, Router parent, NatBehavior behavior) {
    this.network = network;
    this.name = name;
    this.subnet = subnet;
    this.parent = parent;
    this.behavior = behavior;
    this.externalIp = parent.nextAddress();
    this.uplink = new Link(name, network, parent::fromInside, this::fromOutside);
    this.nat = new NatTable(behavior, externalIp, network.scheduler(), network.newRandom());
    parent.attach(externalIp, uplink);
  }

  /** Adds a host with the next free address of this router's subnet. */
  public Host addHost(String hostName) {
    return attachHost(hostName, nextAddress());
  }

  /** Adds a host with the given IPv4 literal (inside this router's subnet, unless on the WAN). */
  public Host addHost(String hostName, String ip) {
    return attachHost(hostName, Subnet.parseAddress(ip));
  }

  /** Adds a NAT below this router, its inside on the next free 192.168.n.0/24. */
  public Router addNat(String natName, NatBehavior natBehavior) {
    return addNat(natName, natBehavior, network.nextLanSubnet());
  }

  /** Adds a NAT below this router with the given inside prefix, such as {@code 10.0.0.0/24}. */
  public Router addNat(String natName, NatBehavior natBehavior, String insideCidr) {
    return addNat(natName, natBehavior, Subnet.parse(insideCidr));
  }

  private Router addNat(String natName, NatBehavior natBehavior, Subnet inside) {
    Objects.requireNonNull(natBehavior, "natBehavior");
    return new Router(network, natName, inside, this, natBehavior);
  }

  public String name() {
    return name;
  }

  /** True for the root router, which has no NAT and no uplink. */
  public boolean isWan() {
    return parent == null;
  }

  /** The prefix hosts attached here get their addresses from. */
  public String subnet() {
    return subnet.toString();
  }

  /** The NAT's address on its parent router. */
  public InetAddress externalAddress() {
    requireNat();
    return externalIp;
  }

  public NatBehavior natBehavior() {
    requireNat();
    return behavior;
  }

  /** The link to the parent router; {@code uplink().up()} carries translated outbound packets. */
  public Link uplink() {
    requireNat();
    return uplink;
  }

  /** The parent router (null for the WAN). */
  public Router parent() {
    return parent;
  }

  /** The NAT's live mappings; lapsed ones are purged. */
  public List<NatMapping> mappings() {
    requireNat();
    return nat.mappings();
  }

  /** Packets that reached this router, forwarded by it, and dropped here by reason. */
  public PacketStats stats() {
    return stats;
  }

  void fromInside(Packet packet) {
    stats.countSent();
    InetAddress to = packet.to().getAddress();
    Link down = attached.get(to);
    if (down != null) {
      forward(down, packet);
    } else if (nat == null || subnet.contains(to)) {
      network.drop(packet, DropReason.NO_ROUTE, name, stats);
    } else if (to.equals(externalIp)) {
      if (!behavior.hairpinning()) {
        network.drop(packet, DropReason.HAIRPIN_DISABLED, name, stats);
        return;
      }
      InetSocketAddress source = nat.outbound(packet.from(), packet.to());
      if (source == null) {
        network.drop(packet, DropReason.PORTS_EXHAUSTED, name, stats);
        return;
      }
      translateInbound(packet.withFrom(source));
    } else {
      InetSocketAddress source = nat.outbound(packet.from(), packet.to());
      if (source == null) {
        network.drop(packet, DropReason.PORTS_EXHAUSTED, name, stats);
        return;
      }
      stats.countDelivered();
      uplink.up().send(packet.withFrom(source));
    }
  }

  private void fromOutside(Packet packet) {
    stats.countSent();
    if (!packet.to().getAddress().equals(externalIp)) {
      network.drop(packet, DropReason.NO_ROUTE, name, stats);
      return;
    }
    translateInbound(packet);
  }

  private void translateInbound(Packet packet) {
    NatTable.Inbound result = nat.inbound(packet.to().getPort(), packet.from());
    if (result.internal() == null) {
      DropReason reason =
          result.refusal() == NatTable.Refusal.FILTERED
              ? DropReason.FILTERED
              : DropReason.NO_MAPPING;
      network.drop(packet, reason, name, stats);
      return;
    }
    Link down = attached.get(result.internal().getAddress());
    if (down == null) {
      network.drop(packet, DropReason.NO_ROUTE, name, stats);
      return;
    }
    forward(down, packet.withTo(result.internal()));
  }

  private void forward(Link down, Packet packet) {
    stats.countDelivered();
    down.down().send(packet);
  }

  private Host attachHost(String hostName, InetAddress ip) {
    Host host = new Host(network, hostName, ip, this);
    attach(ip, host.link());
    return host;
  }

  private void attach(InetAddress ip, Link link) {
    if (!isWan() && !subnet.contains(ip)) {
      throw new IllegalArgumentException(ip.getHostAddress() + " is not in " + subnet);
    }
    if (attached.containsKey(ip)) {
      throw new IllegalStateException("address in use on " + name + ": " + ip.getHostAddress());
    }
    attached.put(ip, link);
  }

  private InetAddress nextAddress() {
    while (true) {
      InetAddress candidate = subnet.address(nextAddress++);
      if (!attached.containsKey(candidate)) {
        return candidate;
      }
    }
  }

  private void requireNat() {
    if (nat == null) {
      throw new IllegalStateException(name + " is the WAN, not a NAT");
    }
  }

  @Override
  public String toString() {
    return isWan() ? name : name + "(" + externalIp.getHostAddress() + ", " + subnet + ")";
  }
}
