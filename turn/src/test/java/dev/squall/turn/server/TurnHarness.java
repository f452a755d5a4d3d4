package dev.squall.turn.server;

import dev.squall.net.DatagramTransport;
import dev.squall.net.MemoryHub;
import dev.squall.util.VirtualScheduler;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A TURN server shard on virtual time with its relay sockets on a {@link MemoryHub}: fake clients
 * call {@link TurnServer#handle} directly and collect what the server sends them; peers are hub
 * transports. The wall clock (REST credential expiry) follows the virtual clock from a fixed
 * instant.
 */
final class TurnHarness {

  static final InetAddress RELAY = ip("203.0.113.1");
  static final InetAddress LISTENER = ip("203.0.113.2");
  static final Instant EPOCH = Instant.ofEpochSecond(1_800_000_000L);
  static final String SECRET = "rest-secret";

  final VirtualScheduler scheduler = new VirtualScheduler();
  final MemoryHub hub = new MemoryHub(scheduler);
  final TurnStats stats = new TurnStats();
  final TurnServerConfig config;
  final TurnQuotas quotas;
  final TurnServer server;
  final List<InetSocketAddress> bindAttempts = new ArrayList<>();
  private final Random random = new Random(42);

  TurnHarness() {
    this(defaultConfig());
  }

  TurnHarness(TurnServerConfig config) {
    this(config, new TurnQuotas(config));
  }

  TurnHarness(TurnServerConfig config, TurnQuotas quotas) {
    this.config = config;
    this.quotas = quotas;
    this.server =
        new TurnServer(config, scheduler, this::bind, quotas, stats, wallClock(), new Random(7));
  }

  /** A second shard of the same server: same config, quotas and stats, its own scheduler. */
  TurnServer shard(VirtualScheduler other, MemoryHub otherHub) {
    return new TurnServer(
        config,
        other,
        (a, p, s) -> otherHub.bind(new InetSocketAddress(a, p)),
        quotas,
        stats,
        wallClock(),
        new Random(8));
  }

  static TurnServerConfig defaultConfig() {
    return TurnServerConfig.defaults(RELAY)
        .withUsers(Map.of("alice", "alice-pass", "bob", "bob-pass"))
        .withRestCredentials(new dev.squall.turn.TurnRestCredentials(SECRET))
        .withServerAddresses(Set.of(LISTENER))
        .withNonceSecret("fixed-nonce-secret");
  }

  InstantSource wallClock() {
    return () -> EPOCH.plusNanos(scheduler.nanoTime());
  }

  Instant now() {
    return wallClock().instant();
  }

  FakeClient client(String address, int port) {
    return client(address, port, ClientProtocol.UDP);
  }

  FakeClient client(String address, int port, ClientProtocol protocol) {
    return new FakeClient(
        this,
        protocol,
        new InetSocketAddress(ip(address), port),
        new InetSocketAddress(LISTENER, 3478));
  }

  Peer peer(String address, int port) {
    return new Peer(hub.bind(new InetSocketAddress(ip(address), port)));
  }

  /** Runs the deliveries already due without moving virtual time. */
  void deliver() {
    scheduler.runPending();
  }

  void advance(Duration d) {
    scheduler.advance(d);
  }

  Random random() {
    return random;
  }

  private DatagramTransport bind(InetAddress address, int port, dev.squall.util.Scheduler s)
      throws BindException {
    bindAttempts.add(new InetSocketAddress(address, port));
    try {
      return hub.bind(new InetSocketAddress(address, port));
    } catch (IllegalStateException e) {
      throw new BindException(e.getMessage());
    }
  }

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** A peer: a hub transport recording what it receives. */
  static final class Peer {
    final DatagramTransport transport;
    final List<InetSocketAddress> from = new ArrayList<>();
    final List<byte[]> data = new ArrayList<>();

    Peer(DatagramTransport transport) {
      this.transport = transport;
      transport.onReceive(
          (f, d) -> {
            from.add(f);
            data.add(d);
          });
    }

    InetSocketAddress address() {
      return transport.localAddress();
    }

    void sendTo(InetSocketAddress to, byte[] bytes) {
      transport.send(to, bytes);
    }
  }
}
