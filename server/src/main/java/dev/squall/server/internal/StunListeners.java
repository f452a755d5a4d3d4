package dev.squall.server.internal;

import dev.squall.server.PortInUseException;
import dev.squall.server.ServerConfig;
import dev.squall.stun.StunBindingServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.group.ChannelGroup;
import java.net.InetAddress;

/**
 * Binds the STUN listeners: one UDP channel and one TCP server channel sharing a single {@link
 * StunBindingServer} (it is stateless). With port 0 the TCP listener tries the port UDP got, so
 * both usually share one number.
 */
public final class StunListeners {

  /** SOFTWARE attribute value in responses (RFC 8489 §14.14). */
  public static final String SOFTWARE = "Squall";

  /** Receive buffer per datagram: STUN over UDP stays well under the path MTU (RFC 8489 §6.1). */
  private static final int MAX_DATAGRAM = 4096;

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

  /** Binds STUN over UDP on {@code config.stunPort()}. */
  public Channel bindUdp(ServerConfig config, InetAddress address) {
    Bootstrap b =
        new Bootstrap()
            .group(workerGroup)
            .channel(transport.datagramChannel())
            .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
            .handler(new StunUdpHandler(stun, metrics));
    return Listeners.bind(b, config.host(), address, config.stunPort(), "stun-udp");
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
