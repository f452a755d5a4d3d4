package dev.squall.net;

import dev.squall.util.Scheduler;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A point-to-point view of a {@link DatagramTransport}: sends go to one remote address, and only
 * datagrams from that address are passed on (the others go to an optional fallback handler, else
 * are dropped and counted). This is the shape DTLS and similar layers need.
 *
 * <p>Two ways to feed it: {@link #attach} makes it the transport's receive handler; or a demuxer
 * that already owns the handler calls {@link #accept} for the datagrams it routes here. Runs on the
 * transport's scheduler.
 */
public final class ConnectedTransport implements DatagramHandler {

  private final DatagramTransport transport;
  private final InetSocketAddress remote;
  private Consumer<byte[]> handler;
  private DatagramHandler others;
  private long droppedForeign;

  /** A view that the caller feeds through {@link #accept}. */
  public ConnectedTransport(DatagramTransport transport, InetSocketAddress remote) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.remote = Objects.requireNonNull(remote, "remote");
  }

  /** A view installed as {@code transport}'s receive handler. */
  public static ConnectedTransport attach(DatagramTransport transport, InetSocketAddress remote) {
    ConnectedTransport connected = new ConnectedTransport(transport, remote);
    transport.onReceive(connected);
    return connected;
  }

  /** Sends {@code data} to the remote address. */
  public void send(byte[] data) {
    transport.send(remote, data);
  }

  /** Sets the handler of datagrams from the remote address. */
  public void onReceive(Consumer<byte[]> handler) {
    if (this.handler != null) {
      throw new IllegalStateException("receive handler already set");
    }
    this.handler = Objects.requireNonNull(handler, "handler");
  }

  /** Sets where datagrams from other addresses go (by default they are dropped and counted). */
  public void onOtherSource(DatagramHandler others) {
    this.others = Objects.requireNonNull(others, "others");
  }

  @Override
  public void onDatagram(InetSocketAddress from, byte[] data) {
    accept(from, data);
  }

  /** Passes {@code data} on when {@code from} is the remote address. */
  public void accept(InetSocketAddress from, byte[] data) {
    if (remote.equals(from)) {
      if (handler != null) {
        handler.accept(data);
      }
    } else if (others != null) {
      others.onDatagram(from, data);
    } else {
      droppedForeign++;
    }
  }

  public InetSocketAddress remoteAddress() {
    return remote;
  }

  public InetSocketAddress localAddress() {
    return transport.localAddress();
  }

  public Scheduler scheduler() {
    return transport.scheduler();
  }

  /** The underlying transport, shared with anything else bound to it. */
  public DatagramTransport transport() {
    return transport;
  }

  /** Datagrams from other sources dropped because no fallback handler was set. */
  public long droppedForeign() {
    return droppedForeign;
  }

  /** Closes the underlying transport. */
  public void close() {
    transport.close();
  }
}
