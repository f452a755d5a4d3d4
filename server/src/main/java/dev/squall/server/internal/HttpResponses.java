package dev.squall.server.internal;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Builders for the server's small fixed responses. Bodies are plain text or JSON. */
public final class HttpResponses {

  private HttpResponses() {}

  /** A response with {@code body} and {@code contentType}. */
  public static FullHttpResponse of(HttpResponseStatus status, String contentType, byte[] body) {
    FullHttpResponse r =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    return r;
  }

  /** A plain-text response, the status line's reason phrase plus a newline when body is null. */
  public static FullHttpResponse text(HttpResponseStatus status, String body) {
    String text = body == null ? status.code() + " " + status.reasonPhrase() + "\n" : body;
    return of(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON response with {@code Cache-Control: no-store}. */
  public static FullHttpResponse json(HttpResponseStatus status, String json) {
    FullHttpResponse r = of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    r.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
    return r;
  }
}
