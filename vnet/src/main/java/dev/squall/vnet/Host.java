package dev.squall.vnet;

import dev.squall.net.DatagramTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * A machine on the virtual network with one IPv4 address, attached to its {@link Router} by a
 * {@link Link}. Its transports are bound to ports of that address. Packets to its own address or to
 * 127.0.0.0/8 stay on the host (next task, no link).
 */
public final class Host {

  private static final int FIRST_EPHEMERAL_PORT = 49152;

  private final VirtualNetwork network;
  private final String name;
  private final InetAddress ip;
  private final Router router;
  private final Link link;
  private final Map<Integer, VnetTransport> ports = new HashMap<>();
  private final PacketStats stats = new PacketStats();
  private int nextEphemeral = FIRST_EPHEMERAL_PORT;

  Host(VirtualNetwork network, String name, InetAddress ip, Router router) {
    this.network = network;
    this.name = name;
    this.ip = ip;
    this.router = router;
    this.link = new Link(name, network, router::fromInside, this::fromLink);
  }

  /**
   * Binds a transport to {@code port} of this host's address; 0 picks a free port from 49152
   * upwards. Its callbacks run on the network's scheduler.
   *
   * @throws IllegalStateException when the port is taken
   */
  public DatagramTransport bind(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    int actual = port == 0 ? freePort() : port;
    if (ports.containsKey(actual)) {
      throw new IllegalStateException("port in use: " + name + ":" + actual);
    }
    VnetTransport transport = new VnetTransport(this, new InetSocketAddress(ip, actual));
    ports.put(actual, transport);
    return transport;
  }

  public String name() {
    return name;
  }

  public InetAddress ip() {
    return ip;
  }

  /** This host's address with {@code port}. */
  public InetSocketAddress address(int port) {
    return new InetSocketAddress(ip, port);
  }

  /** The router this host is attached to (a NAT's inside, or the WAN). */
  public Router router() {
    return router;
  }

  /** The link to {@link #router()}; {@code link().up()} carries what this host sends. */
  public Link link() {
    return link;
  }

  /** Sent by this host's transports; delivered to them; dropped here (no bound port). */
  public PacketStats stats() {
    return stats;
  }

  VirtualNetwork network() {
    return network;
  }

  void send(Packet packet) {
    stats.countSent();
    InetAddress to = packet.to().getAddress();
    if (to.equals(ip) || to.isLoopbackAddress()) {
      network.scheduler().execute(() -> receive(packet));
    } else {
      link.up().send(packet);
    }
  }

  void unbind(int port, VnetTransport transport) {
    ports.remove(port, transport);
  }

  private void fromLink(Packet packet) {
    if (!packet.to().getAddress().equals(ip)) {
      network.drop(packet, DropReason.NO_ROUTE, name, stats);
      return;
    }
    receive(packet);
  }

  private void receive(Packet packet) {
    VnetTransport transport = ports.get(packet.to().getPort());
    if (transport == null) {
      network.drop(packet, DropReason.PORT_UNREACHABLE, name, stats);
      return;
    }
    stats.countDelivered();
    transport.receive(packet.from(), packet.data().clone());
  }

  private int freePort() {
    for (int i = 0; i <= 65535 - FIRST_EPHEMERAL_PORT; i++) {
      int port = nextEphemeral;
      nextEphemeral = port == 65535 ? FIRST_EPHEMERAL_PORT : port + 1;
      if (!ports.containsKey(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port on " + name);
  }

  @Override
  public String toString() {
    return name + "(" + ip.getHostAddress() + ")";
  }
}
