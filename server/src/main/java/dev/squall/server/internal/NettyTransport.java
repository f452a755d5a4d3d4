package dev.squall.server.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The Netty transport the server runs on: native epoll when it is available (Linux x86_64), NIO
 * otherwise. Holds no state besides the choice.
 *
 * @param name {@code epoll} or {@code nio}
 */
public record NettyTransport(
    String name,
    IoHandlerFactory ioHandlerFactory,
    Class<? extends ServerChannel> serverChannel,
    Class<? extends DatagramChannel> datagramChannel) {

  /** Epoll when usable, else NIO. */
  public static NettyTransport best() {
    if (Epoll.isAvailable()) {
      return new NettyTransport(
          "epoll",
          EpollIoHandler.newFactory(),
          EpollServerSocketChannel.class,
          EpollDatagramChannel.class);
    }
    return nio();
  }

  /** The portable NIO transport. */
  public static NettyTransport nio() {
    return new NettyTransport(
        "nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, NioDatagramChannel.class);
  }

  /** A new event loop group of {@code threads} threads (0 = Netty's default, 2 x cores). */
  public EventLoopGroup newGroup(int threads, String threadNamePrefix) {
    return new MultiThreadIoEventLoopGroup(
        threads,
        new io.netty.util.concurrent.DefaultThreadFactory(threadNamePrefix),
        ioHandlerFactory);
  }
}
