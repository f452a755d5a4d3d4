package dev.squall.server.internal.turn;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Flushes channels once per event-loop turn. A relay moves one datagram at a time between two
 * sockets; flushing each write would cost one send system call per datagram, while flushing after
 * the loop has handled its whole batch of readable sockets lets the native transport send the
 * queued datagrams together ({@code sendmmsg} with epoll).
 *
 * <p>One instance per event loop; {@link #flushLater} must be called on that loop (anywhere else
 * the write is flushed at once).
 */
public final class LoopFlusher {

  private final EventLoop loop;
  private final Set<Channel> pending = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Channel> draining = new ArrayList<>();
  private final Runnable flushAll = this::flushAll;
  private boolean scheduled;

  public LoopFlusher(EventLoop loop) {
    this.loop = loop;
  }

  /** Makes sure {@code channel} is flushed before this loop turn ends. */
  public void flushLater(Channel channel) {
    if (!loop.inEventLoop()) {
      channel.flush();
      return;
    }
    if (pending.add(channel) && !scheduled) {
      scheduled = true;
      loop.execute(flushAll);
    }
  }

  private void flushAll() {
    scheduled = false;
    draining.addAll(pending);
    pending.clear();
    for (Channel c : draining) {
      c.flush();
    }
    draining.clear();
  }
}
