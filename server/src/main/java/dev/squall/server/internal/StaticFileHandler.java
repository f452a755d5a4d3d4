package dev.squall.server.internal;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Serves the web app: maps the decoded path with {@link WebPaths}, looks the file up in {@link
 * StaticFiles}, and answers 200 with ETag, Last-Modified and {@code Cache-Control: no-cache} (the
 * browser revalidates every time, so a new deployment is picked up at once), 304 when the client's
 * If-None-Match / If-Modified-Since still holds, or 404.
 */
public final class StaticFileHandler {

  private final StaticFiles files;

  public StaticFileHandler(StaticFiles files) {
    this.files = files;
  }

  /** The response for {@code decodedPath} given the request's headers. */
  public FullHttpResponse respond(String decodedPath, HttpHeaders requestHeaders) {
    Optional<StaticFile> found = WebPaths.resolve(decodedPath).flatMap(this::lookup);
    if (found.isEmpty()) {
      return HttpResponses.text(HttpResponseStatus.NOT_FOUND, null);
    }
    StaticFile file = found.get();
    boolean notModified = notModified(file, requestHeaders);
    FullHttpResponse r =
        notModified
            ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED)
            : new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(file.content()));
    HttpHeaders h = r.headers();
    if (!notModified) {
      h.set(HttpHeaderNames.CONTENT_TYPE, file.contentType());
    }
    h.set(HttpHeaderNames.ETAG, file.etag());
    h.set(HttpHeaderNames.LAST_MODIFIED, DateFormatter.format(Date.from(file.lastModified())));
    h.set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    return r;
  }

  private Optional<StaticFile> lookup(List<String> segments) {
    return files.find(segments);
  }

  private static boolean notModified(StaticFile file, HttpHeaders req) {
    String inm = req.get(HttpHeaderNames.IF_NONE_MATCH);
    if (inm != null) {
      for (String tag : inm.split(",")) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
          t = t.substring(2);
        }
        if (t.equals("*") || t.equals(file.etag())) {
          return true;
        }
      }
      return false;
    }
    String ims = req.get(HttpHeaderNames.IF_MODIFIED_SINCE);
    if (ims != null) {
      Date since = DateFormatter.parseHttpDate(ims);
      return since != null && !file.lastModified().isAfter(since.toInstant());
    }
    return false;
  }
}
