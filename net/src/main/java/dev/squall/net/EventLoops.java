package dev.squall.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty event loops for {@link UdpTransport}s: native epoll on Linux when Netty's native library
 * loads, NIO otherwise. On epoll a UDP transport reads a batch of datagrams per system call ({@code
 * recvmmsg}), writes the datagrams of one loop turn together ({@code sendmmsg}) and can hand the
 * kernel runs of equal-size datagrams as one segmented send (UDP GSO); on NIO each datagram costs
 * its own system call. Whether epoll is used is decided once per process; when it is not available
 * the reason is logged once at debug level.
 */
public final class EventLoops {

  private static final Logger LOG = LoggerFactory.getLogger(EventLoops.class);
  private static final boolean EPOLL = probeEpoll();

  private EventLoops() {}

  /** True when Netty's native epoll transport works in this process. */
  public static boolean epollAvailable() {
    return EPOLL;
  }

  /** The I/O handler of new groups: epoll when available, else NIO. */
  public static IoHandlerFactory ioHandlerFactory() {
    return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  /** A new event loop group of {@code threads} loops, epoll when available, else NIO. */
  public static EventLoopGroup newGroup(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads < 1: " + threads);
    }
    return new MultiThreadIoEventLoopGroup(threads, ioHandlerFactory());
  }

  /** True when {@code group} (or an event loop, which is its own group) runs native epoll. */
  public static boolean isEpoll(EventLoopGroup group) {
    return EPOLL && group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class);
  }

  /** The datagram channel class that can register with {@code group}. */
  public static Class<? extends DatagramChannel> datagramChannel(EventLoopGroup group) {
    return isEpoll(group) ? EpollDatagramChannel.class : NioDatagramChannel.class;
  }

  private static boolean probeEpoll() {
    try {
      if (Epoll.isAvailable()) {
        return true;
      }
      LOG.debug("native epoll unavailable, UDP runs on NIO: {}", Epoll.unavailabilityCause());
    } catch (LinkageError e) {
      LOG.debug("native epoll classes unusable, UDP runs on NIO: {}", e.toString());
    }
    return false;
  }
}
