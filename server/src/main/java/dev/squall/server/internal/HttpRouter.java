package dev.squall.server.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The last handler of an HTTP pipeline: routes each request that the WebSocket handler let through.
 * {@code GET}/{@code HEAD} only (405 otherwise). {@code /healthz}, {@code /metrics}, and the web
 * app for everything else. Adds security headers and Content-Length, strips the body for HEAD,
 * honours keep-alive, and counts responses by route. Stateless and shared by all channels.
 */
@ChannelHandler.Sharable
public final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

  private final StaticFileHandler staticFiles;
  private final HealthEndpoint health;
  private final Supplier<String> metricsText;
  private final ServerMetrics metrics;
  private final boolean tls;

  public HttpRouter(
      StaticFileHandler staticFiles,
      HealthEndpoint health,
      Supplier<String> metricsText,
      ServerMetrics metrics,
      boolean tls) {
    this.staticFiles = staticFiles;
    this.health = health;
    this.metricsText = metricsText;
    this.metrics = metrics;
    this.tls = tls;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!req.decoderResult().isSuccess()) {
      send(ctx, req, "bad-request", HttpResponses.text(HttpResponseStatus.BAD_REQUEST, null), true);
      return;
    }
    HttpMethod method = req.method();
    if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
      FullHttpResponse r = HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, null);
      r.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
      send(ctx, req, "other", r, false);
      return;
    }
    String path;
    try {
      path = new QueryStringDecoder(req.uri(), StandardCharsets.UTF_8).path();
    } catch (IllegalArgumentException e) {
      send(ctx, req, "bad-request", HttpResponses.text(HttpResponseStatus.BAD_REQUEST, null), true);
      return;
    }
    switch (path) {
      case "/healthz" -> send(ctx, req, "healthz", health.respond(), false);
      case "/metrics" ->
          send(
              ctx,
              req,
              "metrics",
              HttpResponses.of(
                  HttpResponseStatus.OK,
                  "text/plain; version=0.0.4; charset=utf-8",
                  metricsText.get().getBytes(StandardCharsets.UTF_8)),
              false);
      case "/ws" ->
          send(
              ctx,
              req,
              "ws",
              HttpResponses.text(
                  HttpResponseStatus.UPGRADE_REQUIRED, "this endpoint speaks WebSocket only\n"),
              false);
      default -> send(ctx, req, "static", staticFiles.respond(path, req.headers()), false);
    }
  }

  private void send(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      String route,
      FullHttpResponse response,
      boolean forceClose) {
    SecurityHeaders.apply(response.headers(), tls);
    if (response.status().code() != HttpResponseStatus.NOT_MODIFIED.code()) {
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    }
    if (HttpMethod.HEAD.equals(req.method())) {
      response.content().release();
      response = response.replace(Unpooled.EMPTY_BUFFER);
    }
    boolean keepAlive = !forceClose && HttpUtil.isKeepAlive(req);
    if (!keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (req.protocolVersion().equals(io.netty.handler.codec.http.HttpVersion.HTTP_1_0)) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    metrics.httpRequest(route, response.status().code());
    var future = ctx.writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    metrics.errors().report(ErrorKinds.ofConnection(cause), String.valueOf(cause), cause);
    ctx.close();
  }
}
