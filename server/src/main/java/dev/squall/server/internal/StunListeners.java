package dev.squall.server.internal;

import dev.squall.server.PortInUseException;
import dev.squall.server.ServerConfig;
import dev.squall.server.internal.turn.TurnMetrics;
import dev.squall.server.internal.turn.TurnShards;
import dev.squall.server.internal.turn.TurnStream;
import dev.squall.server.internal.turn.TurnUdp;
import dev.squall.stun.StunBindingServer;
import dev.squall.turn.server.ClientProtocol;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds the STUN listeners: UDP channels and one TCP server channel sharing a single {@link
 * StunBindingServer} (it is stateless). With port 0 the TCP listener tries the port UDP got, so
 * both usually share one number. With TURN on, the same sockets carry TURN (each UDP socket and
 * each TCP connection talks to the TURN shard of its event loop), and {@link #bindTls} adds TURN
 * over TLS.
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

  /**
   * Largest datagram of a batched read when TURN is on: room for ChannelData beyond a 1500-byte MTU
   * (loopback and jumbo-frame clients); longer ones are cut and dropped as malformed.
   */
  private static final int TURN_DATAGRAM = 4096;

  /** Datagrams per batched read. */
  private static final int BATCH = 32;

  /**
   * Outbound buffer of a listener socket before sends are dropped: with TURN one socket carries the
   * relayed data of many allocations, written all through a loop turn and flushed at its end.
   */
  private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(1 << 20, 2 << 20);

  private final NettyTransport transport;
  private final EventLoopGroup bossGroup;
  private final EventLoopGroup workerGroup;
  private final ServerMetrics metrics;
  private final ChannelGroup connections;
  private final StunBindingServer stun = new StunBindingServer(SOFTWARE);
  private final TurnShards turn;
  private final TurnMetrics turnMetrics;
  private final Duration turnIdle;

  /** STUN only. */
  public StunListeners(
      NettyTransport transport,
      EventLoopGroup bossGroup,
      EventLoopGroup workerGroup,
      ServerMetrics metrics,
      ChannelGroup connections) {
    this(transport, bossGroup, workerGroup, metrics, connections, null, null, null);
  }

  /**
   * @param turn the TURN shards (one per worker loop), or null for STUN only
   * @param turnMetrics the TURN meters (with {@code turn})
   * @param turnIdle how long a TURN TCP/TLS connection may stay silent (with {@code turn})
   */
  public StunListeners(
      NettyTransport transport,
      EventLoopGroup bossGroup,
      EventLoopGroup workerGroup,
      ServerMetrics metrics,
      ChannelGroup connections,
      TurnShards turn,
      TurnMetrics turnMetrics,
      Duration turnIdle) {
    this.transport = transport;
    this.bossGroup = bossGroup;
    this.workerGroup = workerGroup;
    this.metrics = metrics;
    this.connections = connections;
    this.turn = turn;
    this.turnMetrics = turnMetrics;
    this.turnIdle = turnIdle;
  }

  /**
   * Binds STUN over UDP on {@code config.stunPort()}: with epoll, one socket per worker event loop
   * on the same port ({@code SO_REUSEPORT}, the kernel spreads senders over them), reading batches
   * of datagrams ({@code recvmmsg}); with NIO, one socket.
   */
  public List<Channel> bindUdp(ServerConfig config, InetAddress address) {
    boolean epoll = transport.datagramChannel() == EpollDatagramChannel.class;
    List<EventLoop> loops = new ArrayList<>();
    if (epoll) {
      for (EventExecutor e : workerGroup) {
        loops.add((EventLoop) e);
      }
    } else {
      loops.add(workerGroup.next());
    }
    boolean reusePort = loops.size() > 1;
    List<Channel> channels = new ArrayList<>(loops.size());
    channels.add(
        Listeners.bind(
            udpBootstrap(loops.get(0), epoll, reusePort),
            config.host(),
            address,
            config.stunPort(),
            "stun-udp"));
    int port = ((InetSocketAddress) channels.get(0).localAddress()).getPort();
    try {
      for (int i = 1; i < loops.size(); i++) {
        channels.add(
            Listeners.bind(
                udpBootstrap(loops.get(i), epoll, true), config.host(), address, port, "stun-udp"));
      }
    } catch (RuntimeException e) {
      channels.forEach(Channel::close);
      throw e;
    }
    return channels;
  }

  private Bootstrap udpBootstrap(EventLoop loop, boolean epoll, boolean reusePort) {
    TurnUdp turnUdp =
        turn == null
            ? null
            : new TurnUdp(turn.shard(loop), turnMetrics.sendDrops("udp"), metrics.errors());
    int datagram = turn == null ? BATCHED_DATAGRAM : TURN_DATAGRAM;
    Bootstrap b =
        new Bootstrap()
            .group(loop)
            .channel(transport.datagramChannel())
            .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER)
            .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    ch.pipeline().addLast(new StunUdpHandler(stun, metrics, turnUdp));
                  }
                });
    if (epoll) {
      b.option(EpollChannelOption.SO_REUSEPORT, reusePort)
          .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, datagram)
          .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(datagram * BATCH));
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
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .childHandler(
                new StunTcpInitializer(
                    stun,
                    metrics,
                    config.stunTcpIdleTimeout(),
                    connections,
                    null,
                    turnStreams(ClientProtocol.TCP)));
    if (config.stunPort() == 0) {
      try {
        return Listeners.bind(b, config.host(), address, udpPort, "stun-tcp");
      } catch (PortInUseException e) {
        return Listeners.bind(b, config.host(), address, 0, "stun-tcp");
      }
    }
    return Listeners.bind(b, config.host(), address, config.stunPort(), "stun-tcp");
  }

  /**
   * Binds TURN over TLS (RFC 8656 §3.1) on {@code port} (0 = a free one) with the server's
   * certificate. Needs TURN on.
   */
  public Channel bindTls(ServerConfig config, InetAddress address, int port, SslContext ssl) {
    if (turn == null) {
      throw new IllegalStateException("TURN over TLS needs TURN");
    }
    ServerBootstrap b =
        new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(transport.serverChannel())
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .childHandler(
                new StunTcpInitializer(
                    stun,
                    metrics,
                    config.stunTcpIdleTimeout(),
                    connections,
                    ssl,
                    turnStreams(ClientProtocol.TLS)));
    return Listeners.bind(b, config.host(), address, port, "turn-tls");
  }

  private java.util.function.Supplier<TurnStream> turnStreams(ClientProtocol protocol) {
    if (turn == null) {
      return null;
    }
    return () ->
        new TurnStream(
            turn,
            protocol,
            turnMetrics.sendDrops(protocol == ClientProtocol.TLS ? "tls" : "tcp"),
            metrics.errors(),
            turnIdle);
  }
}
