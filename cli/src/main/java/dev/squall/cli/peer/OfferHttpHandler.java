package dev.squall.cli.peer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * HTTP for {@link EchoServer}: {@code POST /offer} (JSON in, JSON out), CORS preflight for
 * browsers, 404 elsewhere, 405 for other methods, 400 for bad offers, 500 when answering fails.
 * Every response closes the connection.
 */
final class OfferHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Function<String, CompletableFuture<String>> answer;

  OfferHttpHandler(Function<String, CompletableFuture<String>> answer) {
    this.answer = answer;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!req.decoderResult().isSuccess()) {
      error(ctx, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request");
      return;
    }
    String path = new QueryStringDecoder(req.uri()).path();
    if (!path.equals("/offer")) {
      error(ctx, HttpResponseStatus.NOT_FOUND, "POST your offer to /offer");
      return;
    }
    if (req.method().equals(HttpMethod.OPTIONS)) {
      respond(ctx, HttpResponseStatus.NO_CONTENT, null);
      return;
    }
    if (!req.method().equals(HttpMethod.POST)) {
      error(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "use POST");
      return;
    }
    String body = req.content().toString(StandardCharsets.UTF_8);
    answer
        .apply(body)
        .whenComplete(
            (json, e) -> {
              if (e == null) {
                respond(ctx, HttpResponseStatus.OK, json);
                return;
              }
              Throwable cause =
                  e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
              if (cause instanceof IllegalArgumentException) {
                error(ctx, HttpResponseStatus.BAD_REQUEST, cause.getMessage());
              } else {
                error(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "cannot answer: " + cause);
              }
            });
  }

  private static void error(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
    respond(ctx, status, JSON.createObjectNode().put("error", message).toString());
  }

  private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String json) {
    byte[] bytes = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse res =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
    res.headers()
        .set(HttpHeaderNames.CONTENT_LENGTH, bytes.length)
        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS")
        .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type")
        .set(HttpHeaderNames.CONNECTION, "close");
    if (json != null) {
      res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
    }
    ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
