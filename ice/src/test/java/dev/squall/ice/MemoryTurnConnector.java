package dev.squall.ice;

import dev.squall.turn.client.TurnEndpoint;
import dev.squall.turn.client.TurnStream;
import dev.squall.turn.client.TurnStreamConnector;
import dev.squall.turn.server.ClientConnection;
import dev.squall.turn.server.ClientProtocol;
import dev.squall.turn.server.TurnServer;
import dev.squall.util.Scheduler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * TURN over a "TCP connection" that exists only in memory: each connect makes a stream whose
 * messages go straight to the TURN server core as {@link ClientProtocol#TCP} (which pads
 * ChannelData to 4 bytes) and back, one scheduler task per message. Records every message the
 * server sent, to check the stream framing.
 */
final class MemoryTurnConnector implements TurnStreamConnector {

  private final TurnServer server;
  private final InetSocketAddress serverAddress;
  private int nextPort = 40_000;
  final List<byte[]> toClients = new ArrayList<>();

  MemoryTurnConnector(TurnServer server, InetSocketAddress serverAddress) {
    this.server = server;
    this.serverAddress = serverAddress;
  }

  @Override
  public CompletableFuture<TurnStream> connect(TurnEndpoint endpoint, Scheduler scheduler) {
    return CompletableFuture.completedFuture(
        new Stream(scheduler, new InetSocketAddress("203.0.113.9", nextPort++)));
  }

  private final class Stream implements TurnStream {
    final Scheduler scheduler;
    final InetSocketAddress client;
    final ClientConnection connection;
    Consumer<byte[]> handler = m -> {};
    final List<Runnable> closeListeners = new ArrayList<>();
    boolean closed;

    Stream(Scheduler scheduler, InetSocketAddress client) {
      this.scheduler = scheduler;
      this.client = client;
      this.connection = new Tcp(this);
    }

    @Override
    public InetSocketAddress server() {
      return serverAddress;
    }

    @Override
    public InetSocketAddress localAddress() {
      return client;
    }

    @Override
    public Scheduler scheduler() {
      return scheduler;
    }

    @Override
    public boolean isStream() {
      return true;
    }

    @Override
    public void send(byte[] message) {
      if (!closed) {
        scheduler.execute(() -> server.handle(connection, message));
      }
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public void onMessage(Consumer<byte[]> h) {
      handler = h;
    }

    @Override
    public void onClose(Runnable listener) {
      closeListeners.add(listener);
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        server.connectionClosed(connection);
        closeListeners.forEach(scheduler::execute);
      }
    }
  }

  /** The server's view of one connection (equality by identity: one 5-tuple each). */
  private final class Tcp implements ClientConnection {
    private final Stream stream;

    Tcp(Stream stream) {
      this.stream = stream;
    }

    @Override
    public ClientProtocol protocol() {
      return ClientProtocol.TCP;
    }

    @Override
    public InetSocketAddress clientAddress() {
      return stream.client;
    }

    @Override
    public InetSocketAddress serverAddress() {
      return serverAddress;
    }

    @Override
    public void send(byte[] message) {
      if (!stream.closed) {
        toClients.add(message);
        stream.scheduler.execute(() -> stream.handler.accept(message));
      }
    }
  }
}
