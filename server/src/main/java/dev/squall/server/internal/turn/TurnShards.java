package dev.squall.server.internal.turn;

import dev.squall.net.EventLoopScheduler;
import dev.squall.turn.server.RelayPortPool;
import dev.squall.turn.server.TurnQuotas;
import dev.squall.turn.server.TurnServer;
import dev.squall.turn.server.TurnServerConfig;
import dev.squall.turn.server.TurnStats;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramChannel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One {@link TurnServer} per I/O event loop, all sharing one {@link TurnQuotas}, one {@link
 * TurnStats} and one {@link RelayPortPool}. A UDP listener socket and a TCP/TLS connection use the
 * shard of the loop they run on, and a shard binds its relay sockets on its own loop: a relayed
 * datagram never changes threads.
 */
public final class TurnShards {

  private final Map<EventLoop, Shard> byLoop = new IdentityHashMap<>();
  private final List<Shard> shards = new ArrayList<>();
  private final TurnStats stats;

  /**
   * @param loops the I/O event loops (one shard each)
   * @param datagramChannel the Netty datagram channel class matching the loops' transport
   */
  public TurnShards(
      TurnServerConfig config,
      Iterable<EventExecutor> loops,
      Class<? extends DatagramChannel> datagramChannel,
      TurnQuotas quotas,
      TurnStats stats) {
    this.stats = stats;
    RelayPortPool ports = new RelayPortPool(config);
    for (EventExecutor e : loops) {
      EventLoop loop = (EventLoop) e;
      LoopFlusher flusher = new LoopFlusher(loop);
      TurnServer server =
          new TurnServer(
              config,
              new EventLoopScheduler(loop),
              new NettyRelayBinder(loop, datagramChannel, flusher),
              quotas,
              stats,
              ports);
      Shard shard = new Shard(loop, server, flusher);
      shards.add(shard);
      byLoop.put(loop, shard);
    }
  }

  /** The shard of {@code loop}. */
  public Shard shard(EventLoop loop) {
    Shard s = byLoop.get(loop);
    if (s == null) {
      throw new IllegalArgumentException("no TURN shard on " + loop);
    }
    return s;
  }

  public List<Shard> all() {
    return List.copyOf(shards);
  }

  public TurnStats stats() {
    return stats;
  }

  /** Closes every shard on its own loop (releasing all relay sockets), waiting up to the time. */
  public void close(long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    List<Future<?>> done = new ArrayList<>();
    for (Shard s : shards) {
      if (!s.loop().isShuttingDown()) {
        done.add(s.loop().submit(s.server()::close));
      }
    }
    for (Future<?> f : done) {
      f.awaitUninterruptibly(
          Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
    }
  }
}
