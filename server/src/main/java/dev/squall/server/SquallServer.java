package dev.squall.server;

import dev.squall.net.EventLoopScheduler;
import dev.squall.server.internal.HealthEndpoint;
import dev.squall.server.internal.HttpChannelInitializer;
import dev.squall.server.internal.HttpRouter;
import dev.squall.server.internal.Listeners;
import dev.squall.server.internal.NettyTransport;
import dev.squall.server.internal.ServerMetrics;
import dev.squall.server.internal.ServerStatus;
import dev.squall.server.internal.SignalingSetup;
import dev.squall.server.internal.StaticFileHandler;
import dev.squall.server.internal.StaticFiles;
import dev.squall.server.internal.StunListeners;
import dev.squall.server.internal.TlsContexts;
import dev.squall.server.internal.turn.TurnIceServer;
import dev.squall.server.internal.turn.TurnMetrics;
import dev.squall.server.internal.turn.TurnServers;
import dev.squall.server.internal.turn.TurnShards;
import dev.squall.turn.TurnRestCredentials;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Squall server process: HTTP (web app, {@code /healthz}, {@code /metrics}) and WebSocket
 * signaling on one TCP port, optionally over TLS, STUN and TURN on UDP and TCP, and TURN over TLS
 * when there is a certificate. Netty with epoll when available, NIO otherwise.
 *
 * <p>Lifecycle: {@link #start()} once (binds everything or nothing, throwing a {@link
 * ServerStartException} with a one-line message), then {@link #stop(Duration)} or {@link #close()}
 * once. A stop tells every signaling client ({@code shutdown}), closes all connections and stops
 * the event loops within the given time. Thread-safe: state changes are atomic.
 */
public final class SquallServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SquallServer.class);

  private enum State {
    NEW,
    STARTING,
    RUNNING,
    STOPPING,
    STOPPED
  }

  /** A TURN connection may stay silent this much longer than the longest allocation lifetime. */
  private static final Duration TURN_IDLE_MARGIN = Duration.ofMinutes(1);

  private final ServerConfig config;
  private final NettyTransport transport;
  private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
  private final List<Channel> listeners = new ArrayList<>();
  private ServerMetrics metrics;
  private EventLoopGroup bossGroup;
  private EventLoopGroup workerGroup;
  private ChannelGroup connections;
  private SignalingSetup signaling;
  private TurnShards turn;
  private BoundPorts ports;

  public SquallServer(ServerConfig config) {
    this(config, NettyTransport.best());
  }

  SquallServer(ServerConfig config, NettyTransport transport) {
    this.config = config;
    this.transport = transport;
  }

  /** The Squall version, from the build. */
  public static String version() {
    try (InputStream in = SquallServer.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }

  /**
   * Binds every listener and starts serving.
   *
   * @return the bound ports (useful with port 0)
   * @throws PortInUseException when a port is taken
   * @throws TlsSetupException when the certificate or key is unusable
   * @throws ServerStartException for other start failures
   */
  public BoundPorts start() {
    if (!state.compareAndSet(State.NEW, State.STARTING)) {
      throw new IllegalStateException("start() may be called once, state is " + state.get());
    }
    try {
      InetAddress address = Listeners.resolve(config.host());
      TlsContexts.Contexts tls = TlsContexts.create(config.tls(), config.host());
      SslContext ssl = tls == null ? null : tls.http();
      metrics = new ServerMetrics();
      bossGroup = transport.newGroup(1, "squall-accept");
      workerGroup = transport.newGroup(0, "squall-io");
      connections = new DefaultChannelGroup("squall-connections", GlobalEventExecutor.INSTANCE);

      int stunUdp = -1;
      int stunTcp = -1;
      int turnTls = -1;
      TurnIceServer turnIce = null;
      if (config.stunEnabled()) {
        TurnMetrics turnMetrics = null;
        String secret = null;
        if (config.turnEnabled()) {
          secret = TurnServers.secret(config.turn());
          turn = TurnServers.shards(config, address, secret, workerGroup, transport);
          turnMetrics = new TurnMetrics(turn.stats(), metrics.registry());
          metrics.beforeScrape(turnMetrics::refresh);
        }
        StunListeners stun =
            new StunListeners(
                transport,
                bossGroup,
                workerGroup,
                metrics,
                connections,
                turn,
                turnMetrics,
                config.turn().maxLifetime().plus(TURN_IDLE_MARGIN));
        List<Channel> udp = stun.bindUdp(config, address);
        listeners.addAll(udp);
        stunUdp = ((InetSocketAddress) udp.get(0).localAddress()).getPort();
        Channel tcp = stun.bindTcp(config, address, stunUdp);
        listeners.add(tcp);
        stunTcp = ((InetSocketAddress) tcp.localAddress()).getPort();
        if (turn != null) {
          if (tls != null && config.turn().tlsPort() >= 0) {
            Channel turnsChannel =
                stun.bindTls(config, address, config.turn().tlsPort(), tls.turn());
            listeners.add(turnsChannel);
            turnTls = ((InetSocketAddress) turnsChannel.localAddress()).getPort();
          } else {
            log.info(
                tls == null
                    ? "TURN over TLS is off: the server has no TLS certificate (give --tls-cert"
                        + " and --tls-key, or --tls-self-signed)"
                    : "TURN over TLS is off (--turn-tls-port -1)");
          }
          turnIce =
              new TurnIceServer(
                  new TurnRestCredentials(secret),
                  stunUdp,
                  turnTls,
                  config.turn().credentialTtl(),
                  Clock.systemUTC());
        }
      }

      List<EventLoopScheduler> shards = new ArrayList<>();
      for (EventExecutor loop : workerGroup) {
        shards.add(new EventLoopScheduler((EventLoop) loop));
      }
      signaling = new SignalingSetup(config, stunUdp, turnIce, shards, metrics.registry());
      HttpRouter router =
          new HttpRouter(
              new StaticFileHandler(
                  StaticFiles.of(config.webRoot(), SquallServer.class.getClassLoader())),
              new HealthEndpoint(new Status(), version()),
              metrics::scrape,
              metrics,
              ssl != null);
      ServerBootstrap http =
          new ServerBootstrap()
              .group(bossGroup, workerGroup)
              .channel(transport.serverChannel())
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new HttpChannelInitializer(ssl, signaling::install, router, connections));
      Channel httpChannel = Listeners.bind(http, config.host(), address, config.httpPort(), "http");
      listeners.add(httpChannel);
      ports =
          new BoundPorts(
              ((InetSocketAddress) httpChannel.localAddress()).getPort(),
              stunUdp,
              stunTcp,
              turnTls);
      state.set(State.RUNNING);
      log.info(
          "listening on {}:{} ({}{}), STUN udp/tcp {}/{}, {}, transport {}",
          config.host(),
          ports.http(),
          ssl != null ? "https" : "http",
          config.authSecret() != null ? ", auth on" : "",
          stunUdp,
          stunTcp,
          turn == null
              ? "TURN off"
              : "TURN on the STUN port" + (turnTls > 0 ? " and TLS " + turnTls : ""),
          transport.name());
      return ports;
    } catch (RuntimeException e) {
      state.set(State.STOPPING);
      release(Duration.ofSeconds(2));
      state.set(State.STOPPED);
      throw e;
    }
  }

  /** The bound HTTP/WebSocket port. */
  public int httpPort() {
    return running().http();
  }

  /** The bound STUN UDP port, -1 when STUN is disabled. */
  public int stunUdpPort() {
    return running().stunUdp();
  }

  /** The bound STUN TCP port, -1 when STUN is disabled. */
  public int stunTcpPort() {
    return running().stunTcp();
  }

  /** The bound TURN-over-TLS port, -1 when it does not run. */
  public int turnTlsPort() {
    return running().turnTls();
  }

  /** True when the TURN relay runs (on the STUN ports, and on {@link #turnTlsPort()}). */
  public boolean turnEnabled() {
    running();
    return turn != null;
  }

  /** True when serving HTTPS/WSS. */
  public boolean tls() {
    return config.tls().enabled();
  }

  public ServerConfig config() {
    return config;
  }

  /**
   * Stops gracefully: stops accepting, tells signaling clients ({@code shutdown}), closes every
   * connection and the event loops, spending at most about {@code timeout}. Idempotent; a call
   * before {@link #start()} does nothing.
   */
  public void stop(Duration timeout) {
    if (!state.compareAndSet(State.RUNNING, State.STOPPING)) {
      return;
    }
    log.info("stopping");
    release(timeout);
    state.set(State.STOPPED);
    log.info("stopped");
  }

  /** {@link #stop(Duration)} with 5 seconds. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(5));
  }

  private void release(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Channel c : listeners) {
      c.close().awaitUninterruptibly(remainingMillis(deadline));
    }
    if (turn != null) {
      turn.close(remainingMillis(deadline));
    }
    if (signaling != null) {
      try {
        signaling.shutdown("server stopping").get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        log.warn("signaling clients were not all told within {}", timeout);
      } catch (ExecutionException e) {
        log.warn("signaling shutdown failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (connections != null) {
      connections.close().awaitUninterruptibly(remainingMillis(deadline));
    }
    for (EventLoopGroup g : new EventLoopGroup[] {bossGroup, workerGroup}) {
      if (g != null) {
        g.shutdownGracefully(0, Math.max(1, remainingMillis(deadline)), TimeUnit.MILLISECONDS);
      }
    }
    for (EventLoopGroup g : new EventLoopGroup[] {bossGroup, workerGroup}) {
      if (g != null) {
        g.terminationFuture().awaitUninterruptibly(remainingMillis(deadline) + 500);
      }
    }
    if (metrics != null) {
      metrics.close();
    }
  }

  private static long remainingMillis(long deadlineNanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }

  private BoundPorts running() {
    BoundPorts p = ports;
    if (p == null) {
      throw new IllegalStateException("the server has not started");
    }
    return p;
  }

  /** Live status for /healthz. */
  private final class Status implements ServerStatus {
    @Override
    public int connections() {
      return signaling == null ? 0 : signaling.connections();
    }

    @Override
    public int rooms() {
      return signaling == null ? 0 : signaling.rooms();
    }

    @Override
    public boolean stopping() {
      return state.get() != State.RUNNING;
    }
  }
}
