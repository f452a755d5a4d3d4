package dev.squall.bench.signal;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * N WebSocket clients in groups of 4 on a few Netty event loops, connected to one signaling server.
 * {@link #connectAll} opens and readies them with a bounded number of handshakes in flight; {@link
 * #pace} makes the clients of each loop relay at a fixed aggregate rate (open loop: sending never
 * waits for delivery). Client source addresses rotate over 127.0.0.1..127.0.0.k so ephemeral ports
 * never run short.
 */
final class ClientFleet implements AutoCloseable {
  static final int GROUP_SIZE = 4;

  private final RelayProtocol protocol;
  private final InetSocketAddress server;
  private final int sourceAddresses;
  private final EventLoopGroup group;
  private final Map<EventExecutor, LoopStats> stats = new IdentityHashMap<>();
  private final Map<EventExecutor, List<BenchClient>> byLoop = new IdentityHashMap<>();
  private final List<BenchClient> clients = new ArrayList<>();
  private final Queue<String> errorSamples = new ConcurrentLinkedQueue<>();
  private final List<Pacer> pacers = new ArrayList<>();

  ClientFleet(RelayProtocol protocol, InetSocketAddress server, int loops, int sourceAddresses) {
    this.protocol = protocol;
    this.server = server;
    this.sourceAddresses = sourceAddresses;
    this.group =
        new MultiThreadIoEventLoopGroup(
            loops, Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    for (EventExecutor loop : group) {
      stats.put(loop, new LoopStats());
      byLoop.put(loop, new ArrayList<>());
    }
  }

  Queue<String> errorSamples() {
    return errorSamples;
  }

  int size() {
    return clients.size();
  }

  /**
   * Connects {@code count} clients (client i in group i / 4), waits until every one is ready and
   * gives each the ids of the other members of its group. Fails when any client fails.
   */
  void connectAll(int count, int maxHandshakes, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Semaphore inFlight = new Semaphore(maxHandshakes);
    Bootstrap base =
        new Bootstrap()
            .group(group)
            .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    if (Epoll.isAvailable()) {
      base.option(EpollChannelOption.IP_BIND_ADDRESS_NO_PORT, true);
    }
    for (int i = 0; i < count; i++) {
      if (!inFlight.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) {
        throw new TimeoutException("connecting: only " + i + " of " + count + " started");
      }
      BenchClient client =
          new BenchClient(
              i, i / GROUP_SIZE, protocol, ch -> stats.get(ch.eventLoop()), errorSamples);
      clients.add(client);
      client.ready.whenComplete((ok, err) -> inFlight.release());
      var config =
          WebSocketClientProtocolConfig.newBuilder()
              .webSocketUri(protocol.uri(server.getHostString(), server.getPort(), i))
              .handshakeTimeoutMillis(30_000)
              .maxFramePayloadLength(1 << 16)
              .dropPongFrames(true)
              .build();
      Bootstrap b =
          base.clone()
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(new HttpClientCodec())
                          .addLast(new HttpObjectAggregator(1 << 16))
                          .addLast(new WebSocketClientProtocolHandler(config))
                          .addLast(client);
                    }
                  });
      InetSocketAddress local = new InetSocketAddress("127.0.0." + (1 + i % sourceAddresses), 0);
      ChannelFuture f = b.connect(server, local);
      f.addListener(
          done -> {
            if (!done.isSuccess()) {
              client.ready.completeExceptionally(done.cause());
            }
          });
    }
    for (BenchClient c : clients) {
      try {
        c.ready.get(remaining(deadline), TimeUnit.NANOSECONDS);
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            "client " + c.index + " failed: " + e.getCause() + " " + errorSamples, e.getCause());
      }
    }
    for (BenchClient c : clients) {
      byLoop.get(c.channel().eventLoop()).add(c);
      int first = c.group * GROUP_SIZE;
      List<String> peers = new ArrayList<>();
      for (int j = first; j < Math.min(first + GROUP_SIZE, clients.size()); j++) {
        if (j != c.index) {
          peers.add(clients.get(j).id());
        }
      }
      c.channel().eventLoop().execute(() -> c.peers(peers.toArray(String[]::new)));
    }
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /** Starts relaying at {@code ratePerSecond} messages in total, spread over all clients. */
  void pace(double ratePerSecond) throws Exception {
    stopPacing();
    int loops = byLoop.size();
    for (var e : byLoop.entrySet()) {
      EventLoop loop = (EventLoop) e.getKey();
      Pacer p = new Pacer(loop, e.getValue(), stats.get(loop), ratePerSecond / loops);
      pacers.add(p);
      loop.submit(p::start).get();
    }
  }

  void stopPacing() throws Exception {
    for (Pacer p : pacers) {
      p.loop.submit(p::stop).get();
    }
    pacers.clear();
  }

  /** Starts a measurement window on every loop. */
  void startWindow() throws Exception {
    for (var e : stats.entrySet()) {
      e.getKey().submit(e.getValue()::startWindow).get();
    }
  }

  /** Ends the window and returns the sum over all loops. */
  LoopStats.Snapshot endWindow() throws Exception {
    LoopStats.Snapshot sum = LoopStats.Snapshot.empty();
    for (var e : stats.entrySet()) {
      LoopStats s = e.getValue();
      sum =
          sum.plus(
              e.getKey()
                  .submit(
                      () -> {
                        s.measuring = false;
                        return s.snapshot();
                      })
                  .get());
    }
    return sum;
  }

  /** Sums the cumulative counters without ending a window. */
  LoopStats.Snapshot totals() throws Exception {
    LoopStats.Snapshot sum = LoopStats.Snapshot.empty();
    for (var e : stats.entrySet()) {
      LoopStats s = e.getValue();
      sum = sum.plus(e.getKey().submit(s::snapshot).get());
    }
    return sum;
  }

  @Override
  public void close() {
    try {
      stopPacing();
    } catch (Exception ignored) {
      // closing anyway
    }
    for (BenchClient c : clients) {
      Channel ch = c.channel();
      if (ch != null) {
        ch.close();
      }
    }
    group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /**
   * Sends the due messages of one loop every millisecond, round-robin over its clients. A client
   * whose channel is not writable (its outbound buffer is full) skips its turn and the skip is
   * counted; more than 100 ms of backlog is dropped and counted as "behind", so a stalled generator
   * never buffers without bound.
   */
  private static final class Pacer {
    final EventLoop loop;
    final List<BenchClient> clients;
    final LoopStats stats;
    final double perNano;
    final long maxBurst;
    long start;
    long due;
    int next;
    io.netty.util.concurrent.ScheduledFuture<?> task;

    Pacer(EventLoop loop, List<BenchClient> clients, LoopStats stats, double perSecond) {
      this.loop = loop;
      this.clients = clients;
      this.stats = stats;
      this.perNano = perSecond / 1e9;
      this.maxBurst = Math.max(1, (long) (perSecond / 10));
    }

    void start() {
      start = System.nanoTime();
      task = loop.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.MILLISECONDS);
    }

    void stop() {
      if (task != null) {
        task.cancel(false);
      }
    }

    private void tick() {
      long now = System.nanoTime();
      long target = (long) ((now - start) * perNano);
      long n = target - due;
      if (n > maxBurst) {
        stats.onBehind(n - maxBurst);
        due += n - maxBurst;
        n = maxBurst;
      }
      for (long i = 0; i < n && !clients.isEmpty(); i++) {
        BenchClient c = clients.get(next);
        next = (next + 1) % clients.size();
        if (c.channel().isWritable()) {
          c.sendNext();
        } else {
          stats.onSkipped();
        }
        due++;
      }
    }
  }
}
