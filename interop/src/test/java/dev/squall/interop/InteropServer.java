package dev.squall.interop;

import dev.squall.server.ServerConfig;
import dev.squall.server.SquallServer;
import java.net.URI;
import java.time.Duration;

/** A Squall signaling server started in-process on a free port of {@code host}, without STUN. */
public final class InteropServer implements AutoCloseable {

  private final SquallServer server;
  private final URI ws;

  private InteropServer(SquallServer server, URI ws) {
    this.server = server;
    this.ws = ws;
  }

  public static InteropServer start(String host) {
    SquallServer server =
        new SquallServer(ServerConfig.builder().host(host).httpPort(0).stunPort(-1).build());
    int port = server.start().http();
    return new InteropServer(server, URI.create("ws://" + host + ":" + port + "/ws"));
  }

  /** The signaling endpoint, {@code ws://host:port/ws}. */
  public URI ws() {
    return ws;
  }

  @Override
  public void close() {
    server.stop(Duration.ofSeconds(5));
  }
}
