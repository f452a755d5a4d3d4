package dev.squall.server.internal.turn;

import dev.squall.net.DatagramTransport;
import dev.squall.net.EventLoopScheduler;
import dev.squall.turn.server.RelayBinder;
import dev.squall.util.Scheduler;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Binds the relay sockets of one shard as {@link NettyRelayTransport}s on the shard's event loop
 * (the scheduler the core passes is that loop's), so relayed datagrams never change threads.
 */
final class NettyRelayBinder implements RelayBinder {

  private final EventLoop loop;
  private final Class<? extends DatagramChannel> channelType;
  private final LoopFlusher flusher;

  NettyRelayBinder(
      EventLoop loop, Class<? extends DatagramChannel> channelType, LoopFlusher flusher) {
    this.loop = loop;
    this.channelType = channelType;
    this.flusher = flusher;
  }

  @Override
  public DatagramTransport bind(InetAddress address, int port, Scheduler scheduler)
      throws IOException {
    // the core's scheduler is the shard's, an EventLoopScheduler on this loop
    EventLoop target = scheduler instanceof EventLoopScheduler s ? s.eventLoop() : loop;
    return NettyRelayTransport.bind(
        target, channelType, new InetSocketAddress(address, port), flusher);
  }
}
