package dev.squall.turn.client;

import dev.squall.net.AbstractDatagramTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A TURN allocation seen as a {@link dev.squall.net.DatagramTransport}: the relayed transport. Its
 * {@link #localAddress()} is the relayed transport address on the server; {@link #send} sends a
 * datagram to a peer through the server, and datagrams peers send to the relayed address come out
 * of the receive handler with the peer's address, as from a UDP socket bound there. ICE, DTLS and
 * SCTP run over it unchanged.
 *
 * <p>Sending to a peer first installs a permission for its IP address (the datagram waits until
 * then, see {@link #createPermission}); it goes as a Send indication, or as ChannelData once {@link
 * #bindChannel} bound a channel to the peer. {@link #close()} deletes the allocation on the server.
 * The transport also closes by itself when the allocation fails ({@link #failure()} says why).
 * Callbacks run on the client's scheduler; call {@code send} there (other threads are posted).
 */
public final class TurnAllocation extends AbstractDatagramTransport {

  private final TurnClient client;
  private final InetSocketAddress relayed;
  private final InetSocketAddress mapped;

  TurnAllocation(TurnClient client, InetSocketAddress relayed, InetSocketAddress mapped) {
    super(client.scheduler());
    this.client = client;
    this.relayed = relayed;
    this.mapped = mapped;
  }

  /** The relayed transport address: where peers send to reach us. */
  @Override
  public InetSocketAddress localAddress() {
    return relayed;
  }

  /** The same as {@link #localAddress()}. */
  public InetSocketAddress relayedAddress() {
    return relayed;
  }

  /**
   * Our address as the server saw it (XOR-MAPPED-ADDRESS of the Allocate response, the related
   * address of a relay candidate), when the server said.
   */
  public Optional<InetSocketAddress> mappedAddress() {
    return Optional.ofNullable(mapped);
  }

  /** The client that keeps this allocation alive. */
  public TurnClient client() {
    return client;
  }

  /** Why the allocation failed and this transport closed, or null. */
  public TurnException failure() {
    return client.failure();
  }

  @Override
  public void send(InetSocketAddress to, byte[] data) {
    Objects.requireNonNull(to, "to");
    if (isClosed()) {
      return;
    }
    byte[] copy = data.clone();
    if (scheduler().inScheduler()) {
      client.permissions().send(to, copy);
    } else {
      scheduler().execute(() -> client.permissions().send(to, copy));
    }
  }

  /**
   * Installs a permission for {@code peer} (with others asked for in the same scheduler turn, in
   * one CreatePermission); completes when the server agreed, fails with a {@link TurnException}
   * when it refused. Call on the scheduler.
   */
  public CompletableFuture<Void> createPermission(InetAddress peer) {
    requireInScheduler();
    return client.permissions().permit(Objects.requireNonNull(peer, "peer"));
  }

  /** True when a permission for {@code peer} is installed. Call on the scheduler. */
  public boolean hasPermission(InetAddress peer) {
    requireInScheduler();
    return client.permissions().isInstalled(peer);
  }

  /**
   * Binds a channel to {@code peer} (once per peer): from the server's confirmation on, data to and
   * from the peer goes as ChannelData. Completes with the channel number. Call on the scheduler.
   */
  public CompletableFuture<Integer> bindChannel(InetSocketAddress peer) {
    requireInScheduler();
    return client.channels().bind(Objects.requireNonNull(peer, "peer"));
  }

  /** The channel bound to {@code peer}, if the server confirmed one. Call on the scheduler. */
  public OptionalInt channel(InetSocketAddress peer) {
    requireInScheduler();
    int c = client.channels().boundChannel(peer);
    return c < 0 ? OptionalInt.empty() : OptionalInt.of(c);
  }

  @Override
  protected void doClose() {
    if (scheduler().inScheduler()) {
      client.close();
    } else {
      scheduler().execute(client::close);
    }
  }

  @Override
  public String toString() {
    return "relay " + relayed + " via " + client.path().server();
  }

  void received(InetSocketAddress peer, byte[] data) {
    deliver(peer, data);
  }

  void closedByClient() {
    closed();
  }

  private void requireInScheduler() {
    if (!scheduler().inScheduler()) {
      throw new IllegalStateException("call the TURN allocation on its scheduler");
    }
  }
}
