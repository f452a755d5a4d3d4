package dev.squall.server.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Builds the pipeline of one HTTP connection: [TLS] → idle close → HTTP codec → aggregator →
 * (WebSocket signaling, installed by {@code webSocket}) → {@link HttpRouter}. Every accepted
 * channel joins {@code channels} so a stop can close them all.
 */
public final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {

  /** Largest HTTP request (headers aside) the server accepts; the app only GETs. */
  static final int MAX_REQUEST_BYTES = 16 * 1024;

  /** A connection that sends nothing for this long is closed (WebSocket clients answer pings). */
  static final Duration READ_IDLE = Duration.ofSeconds(90);

  private final SslContext ssl;
  private final Consumer<ChannelPipeline> webSocket;
  private final HttpRouter router;
  private final ChannelGroup channels;

  public HttpChannelInitializer(
      SslContext ssl,
      Consumer<ChannelPipeline> webSocket,
      HttpRouter router,
      ChannelGroup channels) {
    this.ssl = ssl;
    this.webSocket = webSocket;
    this.router = router;
    this.channels = channels;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    channels.add(ch);
    ChannelPipeline p = ch.pipeline();
    if (ssl != null) {
      p.addLast("tls", ssl.newHandler(ch.alloc()));
    }
    p.addLast("idle", new IdleTimeoutCloser(READ_IDLE));
    p.addLast("http", new HttpServerCodec());
    p.addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES));
    webSocket.accept(p);
    p.addLast("router", router);
  }
}
