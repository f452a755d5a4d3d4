package dev.squall.net;

import dev.squall.util.Scheduler;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The one way every protocol layer sends and receives datagrams: a bound, unconnected datagram
 * endpoint, like a UDP socket, whose events run on one serial {@link Scheduler}.
 *
 * <p>Contract, shared by every implementation (real UDP, in-memory hub, virtual network, relayed or
 * tunnelled transports):
 *
 * <ul>
 *   <li>Delivery is best effort: a datagram may be lost, duplicated or reordered, never split or
 *       merged. Sending never throws for network reasons; a datagram that cannot be sent is dropped
 *       (and counted where the implementation keeps counters).
 *   <li>{@link #send} copies what it needs before it returns: the caller may reuse its array or
 *       buffer at once. Call it on {@link #scheduler()}; {@link UdpTransport} also accepts other
 *       threads.
 *   <li>The receive handler is set once with {@link #onReceive}; it runs on {@link #scheduler()}.
 *       Datagrams that arrive before it is set may be dropped.
 *   <li>{@link #close()} is idempotent. Afterwards sends are ignored, nothing more is delivered and
 *       each close listener runs once on {@link #scheduler()}.
 * </ul>
 */
public interface DatagramTransport extends AutoCloseable {

  /** Sends {@code data} as one datagram to {@code to}. */
  void send(InetSocketAddress to, byte[] data);

  /**
   * Sends the bytes between the buffer's position and limit as one datagram. The buffer's position
   * is left unchanged.
   */
  default void send(InetSocketAddress to, ByteBuffer data) {
    ByteBuffer view = data.duplicate();
    byte[] copy = new byte[view.remaining()];
    view.get(copy);
    send(to, copy);
  }

  /**
   * Sets the handler of received datagrams.
   *
   * @throws IllegalStateException when a handler is already set
   */
  void onReceive(DatagramHandler handler);

  /** Adds a listener that runs once, on the scheduler, when the transport closes. */
  void onClose(Runnable listener);

  /** The address and port this transport is bound to (the actual port when bound to port 0). */
  InetSocketAddress localAddress();

  /** The serial scheduler that runs this transport's callbacks. */
  Scheduler scheduler();

  /** True once {@link #close()} was called or the underlying endpoint went away. */
  boolean isClosed();

  /** Releases the endpoint. Idempotent; never throws. */
  @Override
  void close();
}
