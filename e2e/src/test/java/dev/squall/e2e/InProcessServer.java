package dev.squall.e2e;

import dev.squall.server.BoundPorts;
import dev.squall.server.ServerConfig;
import dev.squall.server.SignalingLimits;
import dev.squall.server.SquallServer;
import dev.squall.server.TurnSettings;
import java.net.URI;
import java.time.Duration;

/**
 * A Squall server started in-process on free loopback ports, serving the packaged web app, with a
 * short resume grace so a browser that vanishes without leaving is dropped quickly.
 */
final class InProcessServer implements AutoCloseable {

  private final SquallServer server;
  private final URI base;
  private final int stunUdpPort;

  private InProcessServer(SquallServer server, URI base, int stunUdpPort) {
    this.server = server;
    this.base = base;
    this.stunUdpPort = stunUdpPort;
  }

  static InProcessServer start() {
    return start(Duration.ofSeconds(10));
  }

  static InProcessServer start(Duration resumeGrace) {
    return start(resumeGrace, TurnSettings.defaults());
  }

  /** With these TURN settings (e.g. loopback peers allowed for relay-only browser tests). */
  static InProcessServer start(TurnSettings turn) {
    return start(Duration.ofSeconds(10), turn);
  }

  static InProcessServer start(Duration resumeGrace, TurnSettings turn) {
    SignalingLimits limits = new SignalingLimits(64 * 1024, 16, 50, 200, 1000, resumeGrace, 256);
    ServerConfig config =
        ServerConfig.builder()
            .host("127.0.0.1")
            .httpPort(0)
            .stunPort(0)
            .limits(limits)
            .turn(turn)
            .build();
    SquallServer server = new SquallServer(config);
    BoundPorts ports = server.start();
    return new InProcessServer(
        server, URI.create("http://127.0.0.1:" + ports.http() + "/"), ports.stunUdp());
  }

  URI base() {
    return base;
  }

  /** The UDP port of the server's STUN listener. */
  int stunUdpPort() {
    return stunUdpPort;
  }

  @Override
  public void close() {
    server.stop(Duration.ofSeconds(5));
  }
}
