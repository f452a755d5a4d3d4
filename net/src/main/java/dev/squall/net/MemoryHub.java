package dev.squall.net;

import dev.squall.util.Scheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory datagram switch for unit tests: transports bound on one hub reach each other by
 * address, with no loss, no delay and in order. Each datagram is delivered in its own task on the
 * hub's scheduler (never inside {@code send}), so handlers are not re-entered. Datagrams to an
 * address nobody is bound to are dropped and counted.
 *
 * <p>For loss, delay, NAT and taps use the {@code vnet} module. The hub and its transports are
 * driven from the scheduler's thread only.
 */
public final class MemoryHub {

  private static final int FIRST_EPHEMERAL_PORT = 49152;

  private final Scheduler scheduler;
  private final Map<InetSocketAddress, Endpoint> bound = new HashMap<>();
  private int nextEphemeral = FIRST_EPHEMERAL_PORT;
  private long delivered;
  private long dropped;

  public MemoryHub(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /** Two transports on a fresh hub, at 10.0.0.1:5000 and 10.0.0.2:5000. */
  public static DatagramTransport[] pair(Scheduler scheduler) {
    MemoryHub hub = new MemoryHub(scheduler);
    return new DatagramTransport[] {
      hub.bind(new InetSocketAddress(ip(10, 0, 0, 1), 5000)),
      hub.bind(new InetSocketAddress(ip(10, 0, 0, 2), 5000))
    };
  }

  /**
   * Binds a transport to {@code local}; port 0 picks a free port from 49152 upwards.
   *
   * @throws IllegalStateException when the address is taken
   */
  public DatagramTransport bind(InetSocketAddress local) {
    InetSocketAddress address = local;
    if (local.getPort() == 0) {
      address = new InetSocketAddress(local.getAddress(), freePort(local.getAddress()));
    }
    if (bound.containsKey(address)) {
      throw new IllegalStateException("address in use: " + address);
    }
    Endpoint endpoint = new Endpoint(address);
    bound.put(address, endpoint);
    return endpoint;
  }

  /** Datagrams handed to a bound transport. */
  public long delivered() {
    return delivered;
  }

  /** Datagrams addressed to nobody (or to a transport closed in flight). */
  public long dropped() {
    return dropped;
  }

  private int freePort(InetAddress ip) {
    for (int i = 0; i <= 65535 - FIRST_EPHEMERAL_PORT; i++) {
      int port = nextEphemeral;
      nextEphemeral = port == 65535 ? FIRST_EPHEMERAL_PORT : port + 1;
      if (!bound.containsKey(new InetSocketAddress(ip, port))) {
        return port;
      }
    }
    throw new IllegalStateException("no free port on " + ip);
  }

  private void route(InetSocketAddress from, InetSocketAddress to, byte[] data) {
    scheduler.execute(
        () -> {
          Endpoint target = bound.get(to);
          if (target == null) {
            dropped++;
            return;
          }
          delivered++;
          target.receive(from, data);
        });
  }

  private static InetAddress ip(int a, int b, int c, int d) {
    try {
      return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private final class Endpoint extends AbstractDatagramTransport {
    private final InetSocketAddress address;

    Endpoint(InetSocketAddress address) {
      super(MemoryHub.this.scheduler);
      this.address = address;
    }

    @Override
    public void send(InetSocketAddress to, byte[] data) {
      Objects.requireNonNull(to, "to");
      if (!isClosed()) {
        route(address, to, data.clone());
      }
    }

    @Override
    public InetSocketAddress localAddress() {
      return address;
    }

    @Override
    protected void doClose() {
      bound.remove(address, this);
      closed();
    }

    void receive(InetSocketAddress from, byte[] data) {
      deliver(from, data);
    }
  }
}
