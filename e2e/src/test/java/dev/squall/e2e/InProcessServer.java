package dev.squall.e2e;

import dev.squall.server.ServerConfig;
import dev.squall.server.SignalingLimits;
import dev.squall.server.SquallServer;
import java.net.URI;
import java.time.Duration;

/**
 * A Squall server started in-process on free loopback ports, serving the packaged web app, with a
 * short resume grace so a browser that vanishes without leaving is dropped quickly.
 */
final class InProcessServer implements AutoCloseable {

  private final SquallServer server;
  private final URI base;

  private InProcessServer(SquallServer server, URI base) {
    this.server = server;
    this.base = base;
  }

  static InProcessServer start() {
    return start(Duration.ofSeconds(10));
  }

  static InProcessServer start(Duration resumeGrace) {
    SignalingLimits limits = new SignalingLimits(64 * 1024, 16, 50, 200, 1000, resumeGrace, 256);
    ServerConfig config =
        ServerConfig.builder().host("127.0.0.1").httpPort(0).stunPort(0).limits(limits).build();
    SquallServer server = new SquallServer(config);
    int port = server.start().http();
    return new InProcessServer(server, URI.create("http://127.0.0.1:" + port + "/"));
  }

  URI base() {
    return base;
  }

  @Override
  public void close() {
    server.stop(Duration.ofSeconds(5));
  }
}
