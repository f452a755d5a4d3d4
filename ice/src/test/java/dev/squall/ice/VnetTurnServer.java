package dev.squall.ice;

import dev.squall.net.DatagramTransport;
import dev.squall.testkit.Topology;
import dev.squall.turn.client.TurnEndpoint;
import dev.squall.turn.server.ClientConnection;
import dev.squall.turn.server.ClientProtocol;
import dev.squall.turn.server.TurnQuotas;
import dev.squall.turn.server.TurnServer;
import dev.squall.turn.server.TurnServerConfig;
import dev.squall.turn.server.TurnStats;
import dev.squall.vnet.Host;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Random;

/**
 * Squall's TURN server core on the public server host of a vnet {@link Topology}: one UDP listener,
 * relay sockets bound on the same host, the wall clock of its nonces following virtual time. Relay
 * to relay is allowed (two relay-only clients of this server reach each other through it).
 */
final class VnetTurnServer implements AutoCloseable {

  static final int PORT = 3479;
  static final String USER = "ice";
  static final String PASSWORD = "ice-secret";

  final TurnStats stats = new TurnStats();
  final TurnServer server;
  final DatagramTransport listener;

  /** A client's UDP source on the listener. */
  record Client(DatagramTransport listener, InetSocketAddress clientAddress)
      implements ClientConnection {
    @Override
    public ClientProtocol protocol() {
      return ClientProtocol.UDP;
    }

    @Override
    public InetSocketAddress serverAddress() {
      return listener.localAddress();
    }

    @Override
    public void send(byte[] message) {
      listener.send(clientAddress, message);
    }
  }

  VnetTurnServer(Topology topology) {
    Host host = topology.server();
    TurnServerConfig config =
        TurnServerConfig.defaults(host.ip())
            .withUsers(Map.of(USER, PASSWORD))
            .withNonceSecret("vnet")
            .withAllowRelayToRelay(true);
    Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
    InstantSource clock = () -> epoch.plusNanos(topology.scheduler().nanoTime());
    server =
        new TurnServer(
            config,
            topology.scheduler(),
            (address, port, scheduler) -> bind(host, port),
            new TurnQuotas(config),
            stats,
            clock,
            new Random(5));
    listener = host.bind(PORT);
    listener.onReceive((from, data) -> server.handle(new Client(listener, from), data));
  }

  /** The server as an ICE agent's TURN server (UDP), with the right credential. */
  TurnEndpoint endpoint() {
    return TurnEndpoint.udp(listener.localAddress(), USER, PASSWORD);
  }

  /** The server with a wrong password. */
  TurnEndpoint wrongPassword() {
    return TurnEndpoint.udp(listener.localAddress(), USER, "guess");
  }

  @Override
  public void close() {
    server.close();
    listener.close();
  }

  private static DatagramTransport bind(Host host, int port) throws BindException {
    try {
      return host.bind(port);
    } catch (IllegalStateException e) {
      throw new BindException(e.getMessage());
    }
  }
}
