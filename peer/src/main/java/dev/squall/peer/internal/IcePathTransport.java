package dev.squall.peer.internal;

import dev.squall.ice.IceAgent;
import dev.squall.ice.IceCandidatePair;
import dev.squall.net.DatagramHandler;
import dev.squall.net.DatagramTransport;
import dev.squall.util.Scheduler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The ICE agent's selected pair seen as a {@link DatagramTransport}, so that a {@link
 * dev.squall.net.ConnectedTransport} (and DTLS on it) can run over ICE. Sends ignore the
 * destination and go on whatever pair is selected at the time ({@link IceAgent#send}), so a pair
 * change under DTLS is transparent; datagrams that cannot go (no pair, consent lost) are dropped
 * and counted, as UDP would. Receiving is not done here: the peer's demux hands the agent's data to
 * DTLS directly, so {@link #onReceive} refuses a handler.
 *
 * <p>Runs on the agent's scheduler, like every transport; {@link #close()} does not close the agent
 * or its sockets, it only ends this view (DTLS then stops).
 */
public final class IcePathTransport implements DatagramTransport {

  private static final InetSocketAddress UNBOUND = new InetSocketAddress(0);

  private final IceAgent agent;
  private final Scheduler scheduler;
  private final List<Runnable> closeListeners = new ArrayList<>();
  private boolean closed;
  private long sendDrops;
  private long packetsSent;
  private long bytesSent;

  public IcePathTransport(IceAgent agent, Scheduler scheduler) {
    this.agent = Objects.requireNonNull(agent, "agent");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  @Override
  public void send(InetSocketAddress to, byte[] data) {
    if (closed || !agent.send(data)) {
      sendDrops++;
    } else {
      packetsSent++;
      bytesSent += data.length;
    }
  }

  @Override
  public void onReceive(DatagramHandler handler) {
    throw new UnsupportedOperationException(
        "ICE data reaches DTLS through the peer's demux, not through this transport");
  }

  @Override
  public void onClose(Runnable listener) {
    Objects.requireNonNull(listener, "listener");
    if (closed) {
      scheduler.execute(listener);
    } else {
      closeListeners.add(listener);
    }
  }

  /** The local address of the selected pair, or the wildcard before one is selected. */
  @Override
  public InetSocketAddress localAddress() {
    return agent.selectedPair().map(IceCandidatePair::localAddress).orElse(UNBOUND);
  }

  @Override
  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /** Datagrams handed to the selected pair's socket. */
  public long packetsSent() {
    return packetsSent;
  }

  /** The bytes of {@link #packetsSent()}. */
  public long bytesSent() {
    return bytesSent;
  }

  /** Datagrams dropped because no pair was usable or this view was closed. */
  public long sendDrops() {
    return sendDrops;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (Runnable listener : closeListeners) {
      scheduler.execute(listener);
    }
    closeListeners.clear();
  }
}
