package dev.squall.server.internal;

import dev.squall.server.PortInUseException;
import dev.squall.server.ServerConfig;
import dev.squall.stun.StunBindingServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.group.ChannelGroup;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the STUN listeners: UDP channels and one TCP server channel sharing a single {@link
 * StunBindingServer} (it is stateless). With port 0 the TCP listener tries the port UDP got, so
 * both usually share one number.
 */
public final class StunListeners {

  /** SOFTWARE attribute value in responses (RFC 8489 §14.14). */
  public static final String SOFTWARE = "Squall";

  /** Socket buffers: a burst of requests waits here instead of being dropped by the kernel. */
  private static final int SOCKET_BUFFER = 4 * 1024 * 1024;

  /**
   * Largest datagram of a batched read: STUN over UDP stays under the path MTU (RFC 8489 §6.1);
   * longer datagrams are cut, fail to decode and are counted as malformed.
   */
  private static final int BATCHED_DATAGRAM = 1500;

  /** Datagrams per batched read. */
  private static final int BATCH = 32;

  private final NettyTransport transport;
  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final ServerMetrics metrics;
  private final ChannelGroup connections;
  private final StunBindingServer stun = new StunBindingServer(SOFTWARE);

  public StunListeners(
      NettyTransport transport,
      EventLoopGroup bossGroup,
      EventLoopGroup workerGroup,
      ServerMetrics metrics,
      ChannelGroup connections) {
    this.transport = transport;
    this.bossGroup = bossGroup;
    this.workerGroup = workerGroup;
    this.metrics = metrics;
    this.connections = connections;
  }

  /**
   * Binds STUN over UDP on {@code config.stunPort()}: with epoll, one socket per core on the same
   * port ({@code SO_REUSEPORT}, the kernel spreads senders over them), each on its own event loop
   * and reading batches of datagrams ({@code recvmmsg}); with NIO, one socket.
   */
  public List<Channel> bindUdp(ServerConfig config, InetAddress address) {
    boolean epoll = transport.datagramChannel() == EpollDatagramChannel.class;
    int sockets = epoll ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1;
    List<Channel> channels = new ArrayList<>(sockets);
    channels.add(
        Listeners.bind(
            udpBootstrap(epoll, sockets > 1),
            config.host(),
            address,
            config.stunPort(),
            "stun-udp"));
    int port = ((InetSocketAddress) channels.get(0).localAddress()).getPort();
    try {
      for (int i = 1; i < sockets; i++) {
        channels.add(
            Listeners.bind(udpBootstrap(epoll, true), config.host(), address, port, "stun-udp"));
      }
    } catch (RuntimeException e) {
      channels.forEach(Channel::close);
      throw e;
    }
    return channels;
  }

  private Bootstrap udpBootstrap(boolean epoll, boolean reusePort) {
    Bootstrap b =
        new Bootstrap()
            .group(workerGroup)
            .channel(transport.datagramChannel())
            .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
            .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new StunUdpHandler(stun, metrics));
                  }
                });
    if (epoll) {
      b.option(EpollChannelOption.SO_REUSEPORT, reusePort)
          .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, BATCHED_DATAGRAM)
          .option(
              ChannelOption.RECVBUF_ALLOCATOR,
              new FixedRecvByteBufAllocator(BATCHED_DATAGRAM * BATCH));
    } else {
      b.option(
          ChannelOption.RECVBUF_ALLOCATOR,
          new FixedRecvByteBufAllocator(StunUdpHandler.MAX_DATAGRAM));
    }
    return b;
  }

  /**
   * Binds STUN over TCP on {@code config.stunPort()}, or, when that is 0, preferably on {@code
   * udpPort}.
   */
  public Channel bindTcp(ServerConfig config, InetAddress address, int udpPort) {
    ServerBootstrap b =
        new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(transport.serverChannel())
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new StunTcpInitializer(stun, metrics, config.stunTcpIdleTimeout(), connections));
    if (config.stunPort() == 0) {
      try {
        return Listeners.bind(b, config.host(), address, udpPort, "stun-tcp");
      } catch (PortInUseException e) {
        return Listeners.bind(b, config.host(), address, 0, "stun-tcp");
      }
    }
    return Listeners.bind(b, config.host(), address, config.stunPort(), "stun-tcp");
  }
}
