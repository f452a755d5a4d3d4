package dev.squall.server.internal;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;

/**
 * {@code GET /healthz}: 200 with {@code {"status":"ok",...}} while running, 503 with {@code
 * "stopping"} during a graceful stop so load balancers drain the node.
 */
public final class HealthEndpoint {

  private final ServerStatus status;
  private final String version;
  private final long startedNanos = System.nanoTime();

  public HealthEndpoint(ServerStatus status, String version) {
    this.status = status;
    this.version = version;
  }

  public FullHttpResponse respond() {
    boolean stopping = status.stopping();
    long uptime = Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    String json =
        "{\"status\":\""
            + (stopping ? "stopping" : "ok")
            + "\",\"version\":\""
            + version.replaceAll("[^A-Za-z0-9._+-]", "")
            + "\",\"uptimeSeconds\":"
            + uptime
            + ",\"connections\":"
            + status.connections()
            + ",\"rooms\":"
            + status.rooms()
            + "}";
    return HttpResponses.json(
        stopping ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.OK, json);
  }
}
