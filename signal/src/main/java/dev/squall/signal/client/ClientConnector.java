package dev.squall.signal.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Opens WebSocket channels to one {@code ws://} or {@code wss://} URI on one event loop: [TLS] →
 * HTTP client codec → aggregator → WebSocket client protocol → frame aggregator → {@link
 * ClientChannelHandler}.
 */
final class ClientConnector {

  private final URI uri;
  private final SslContext ssl;
  private final EventLoop loop;
  private final int maxFrameBytes;
  private final Duration timeout;

  ClientConnector(URI uri, SslContext ssl, EventLoop loop, int maxFrameBytes, Duration timeout) {
    this.uri = uri;
    this.ssl = ssl;
    this.loop = loop;
    this.maxFrameBytes = maxFrameBytes;
    this.timeout = timeout;
  }

  static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** Connects and upgrades; completes with the channel once the handshake is done. */
  CompletableFuture<Channel> open(ClientChannelHandler.Sink sink) {
    ClientChannelHandler handler = new ClientChannelHandler(sink);
    String host = uri.getHost();
    int port = port(uri);
    WebSocketClientProtocolConfig config =
        WebSocketClientProtocolConfig.newBuilder()
            .webSocketUri(uri)
            .allowExtensions(false)
            .maxFramePayloadLength(maxFrameBytes)
            .handleCloseFrames(false)
            .sendCloseFrame(null)
            .forceCloseTimeoutMillis(2_000)
            .dropPongFrames(true)
            .handshakeTimeoutMillis(timeout.toMillis())
            .build();
    Bootstrap b =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 60_000))
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ChannelPipeline p = ch.pipeline();
                    if (ssl != null) {
                      p.addLast("tls", ssl.newHandler(ch.alloc(), host, port));
                    }
                    p.addLast("http", new HttpClientCodec());
                    p.addLast("aggregator", new HttpObjectAggregator(64 * 1024));
                    p.addLast("ws", new WebSocketClientProtocolHandler(config));
                    p.addLast("ws-aggregator", new WebSocketFrameAggregator(maxFrameBytes));
                    p.addLast("signal", handler);
                  }
                });
    b.connect(host, port)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                handler.handshake.completeExceptionally(f.cause());
              }
            });
    return handler.handshake;
  }
}
