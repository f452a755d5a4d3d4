package dev.squall.peer;

import dev.squall.net.EventLoopScheduler;
import dev.squall.peer.internal.NettyTurnStream;
import dev.squall.peer.internal.TurnFrameDecoder;
import dev.squall.turn.client.TurnEndpoint;
import dev.squall.turn.client.TurnException;
import dev.squall.turn.client.TurnStream;
import dev.squall.turn.client.TurnStreamConnector;
import dev.squall.turn.client.TurnTransport;
import dev.squall.util.Scheduler;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.net.ConnectException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Opens TCP and TLS connections to TURN servers ({@code turn:…?transport=tcp} and {@code turns:}
 * URLs, RFC 8656 §3.1) with Netty, on the event loop of the agent's {@link EventLoopScheduler}
 * (native epoll or NIO, as that loop is), so the stream's callbacks run on the agent's scheduler.
 * {@link PeerConfiguration#defaults()} has one with the defaults.
 *
 * <p>TLS runs on the JDK's {@code SSLEngine}: the server's certificate chain must lead to a trusted
 * root (the JDK's default trust store unless {@link #withTrust} or {@link #withTrustedCertificates}
 * says otherwise) and name the URL's host (HTTPS endpoint identification: DNS or IP subject
 * alternative names), which also goes out as SNI when it is a name. Nothing is trusted blindly.
 *
 * <p>A connection that is not up within the connect timeout (TCP connect, then the TLS handshake,
 * each) fails with a {@link TurnException#TIMEOUT}; a refused connection with a {@link
 * ConnectException}, a TLS failure with an {@link javax.net.ssl.SSLHandshakeException}, both naming
 * the server and the cause. Immutable; the TLS context is built per connection.
 *
 * @see TurnStreamConnector
 */
public final class NettyTurnConnector implements TurnStreamConnector {

  /** The default connect (and TLS handshake) timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Bytes waiting for the kernel past which the stream drops messages instead of queueing. */
  static final int WRITE_HIGH_WATER_MARK = 4 * 1024 * 1024;

  private final TrustManagerFactory trust;
  private final Duration connectTimeout;

  private NettyTurnConnector(TrustManagerFactory trust, Duration connectTimeout) {
    this.trust = trust;
    this.connectTimeout = connectTimeout;
  }

  /** The JDK's default trust store and a connect timeout of 10 seconds. */
  public static NettyTurnConnector defaults() {
    return new NettyTurnConnector(null, DEFAULT_CONNECT_TIMEOUT);
  }

  /** Checks TURN servers' TLS certificates with {@code trust} instead of the JDK's defaults. */
  public NettyTurnConnector withTrust(TrustManagerFactory trust) {
    return new NettyTurnConnector(Objects.requireNonNull(trust, "trust"), connectTimeout);
  }

  /**
   * Trusts exactly these certificates as roots for TURN over TLS (e.g. a server's self-signed
   * certificate); the host name is still checked.
   */
  public NettyTurnConnector withTrustedCertificates(List<X509Certificate> roots) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("no certificates to trust");
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < roots.size(); i++) {
        store.setCertificateEntry("turn-root-" + i, roots.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return withTrust(factory);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("cannot trust these certificates: " + e.getMessage(), e);
    }
  }

  /** How long the TCP connect, and then the TLS handshake, may take. */
  public NettyTurnConnector withConnectTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("connect timeout must be positive: " + timeout);
    }
    return new NettyTurnConnector(trust, timeout);
  }

  /** The connect (and TLS handshake) timeout. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public CompletableFuture<TurnStream> connect(TurnEndpoint server, Scheduler scheduler) {
    if (!server.transport().isStream()) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("not a TCP or TLS TURN server: " + server));
    }
    if (!(scheduler instanceof EventLoopScheduler loopScheduler)) {
      return CompletableFuture.failedFuture(
          new TurnException(
              TurnException.PROTOCOL,
              "TURN over "
                  + server.transport()
                  + " needs a Netty event-loop scheduler: "
                  + server));
    }
    EventLoop loop = loopScheduler.eventLoop();
    Class<? extends Channel> type = socketChannel(loop);
    if (type == null) {
      return CompletableFuture.failedFuture(
          new TurnException(
              TurnException.PROTOCOL, "no TCP channel type for event loop " + loop.getClass()));
    }
    SslContext tls;
    try {
      tls = server.transport() == TurnTransport.TLS ? tlsContext() : null;
    } catch (SSLException e) {
      return CompletableFuture.failedFuture(e);
    }
    NettyTurnStream stream = new NettyTurnStream(server, scheduler);
    String host =
        server.serverName() != null
            ? server.serverName()
            : server.address().getAddress().getHostAddress();
    ChannelFuture connecting =
        new Bootstrap()
            .group(loop)
            .channel(type)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(WRITE_HIGH_WATER_MARK / 2, WRITE_HIGH_WATER_MARK))
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    if (tls != null) {
                      SslHandler handler =
                          tls.newHandler(ch.alloc(), host, server.address().getPort());
                      handler.setHandshakeTimeoutMillis(connectTimeout.toMillis());
                      ch.pipeline().addLast("tls", handler);
                    }
                    ch.pipeline().addLast("frames", new TurnFrameDecoder()).addLast("turn", stream);
                  }
                })
            .connect(server.address());
    connecting.addListener(
        f -> {
          if (!f.isSuccess()) {
            stream.connected().completeExceptionally(connectFailure(server, f.cause()));
          }
        });
    return stream.connected();
  }

  private SslContext tlsContext() throws SSLException {
    SslContextBuilder builder =
        SslContextBuilder.forClient()
            .sslProvider(SslProvider.JDK)
            .endpointIdentificationAlgorithm("HTTPS");
    if (trust != null) {
      builder.trustManager(trust);
    }
    return builder.build();
  }

  private Throwable connectFailure(TurnEndpoint server, Throwable cause) {
    if (cause instanceof ConnectTimeoutException) {
      return new TurnException(
          TurnException.TIMEOUT,
          "no TCP connection to " + server + " within " + connectTimeout.toMillis() + " ms");
    }
    ConnectException e =
        new ConnectException("cannot connect to " + server + ": " + cause.getMessage());
    e.initCause(cause);
    return e;
  }

  private static Class<? extends Channel> socketChannel(EventLoop loop) {
    if (loop instanceof IoEventLoop io) {
      if (io.isIoType(NioIoHandler.class)) {
        return NioSocketChannel.class;
      }
      if (io.isIoType(EpollIoHandler.class)) {
        return EpollSocketChannel.class;
      }
    }
    return null;
  }
}
