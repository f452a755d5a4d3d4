package dev.squall.signal.netty;

import dev.squall.net.EventLoopScheduler;
import dev.squall.signal.SignalingConfig;
import dev.squall.signal.SignalingHub;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A minimal signaling server on 127.0.0.1, port 0: HTTP codec, WebSocket on /ws, 404 else. */
final class TestServer implements AutoCloseable {

  final SignalingHub hub;
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private final EventLoopGroup hubLoop =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;
  private final SslContext ssl;

  TestServer(SignalingConfig config) throws InterruptedException {
    this(config, null);
  }

  TestServer(SignalingConfig config, SslContext ssl) throws InterruptedException {
    this(config, ssl, false);
  }

  /** A server whose hub is sharded over its two I/O loops, as SquallServer does. */
  static TestServer sharded(SignalingConfig config) throws InterruptedException {
    return new TestServer(config, null, true);
  }

  private TestServer(SignalingConfig config, SslContext ssl, boolean sharded)
      throws InterruptedException {
    this.ssl = ssl;
    if (sharded) {
      List<EventLoopScheduler> shards = new ArrayList<>();
      io.forEach(loop -> shards.add(new EventLoopScheduler((EventLoop) loop)));
      hub = new SignalingHub(config, shards, registry);
    } else {
      hub = new SignalingHub(config, new EventLoopScheduler(hubLoop.next()), registry);
    }
    server =
        new ServerBootstrap()
            .group(io)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (ssl != null) {
                      ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                    }
                    ch.pipeline().addLast(new HttpServerCodec());
                    ch.pipeline().addLast(new HttpObjectAggregator(16 * 1024));
                    SignalingWebSocket.install(ch.pipeline(), hub, "/ws");
                    ch.pipeline().addLast(new NotFound());
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  URI uri() {
    return URI.create((ssl == null ? "ws" : "wss") + "://127.0.0.1:" + port() + "/ws");
  }

  @Override
  public void close() throws Exception {
    server.close().sync();
    io.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).sync();
    hubLoop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).sync();
  }

  /** Answers every request that reaches it with 404. */
  static final class NotFound extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      var body = Unpooled.copiedBuffer("not found: " + req.uri(), StandardCharsets.UTF_8);
      var res =
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND, body);
      res.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
      ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
