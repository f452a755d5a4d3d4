package dev.squall.net;

import dev.squall.util.Scheduler;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bookkeeping every {@link DatagramTransport} shares: the handler set once, the closed state
 * and the close listeners (each run exactly once on the scheduler). Subclasses send datagrams and
 * call {@link #deliver} on the scheduler for each datagram received.
 */
public abstract class AbstractDatagramTransport implements DatagramTransport {

  private final Scheduler scheduler;
  private final AtomicBoolean closeRequested = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Queue<Runnable> closeListeners = new ConcurrentLinkedQueue<>();
  private final AtomicLong droppedUnhandled = new AtomicLong();
  private volatile DatagramHandler handler;

  protected AbstractDatagramTransport(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  @Override
  public final Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public final void onReceive(DatagramHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (this.handler != null) {
      throw new IllegalStateException("receive handler already set");
    }
    this.handler = handler;
    handlerInstalled();
  }

  @Override
  public final void onClose(Runnable listener) {
    closeListeners.add(Objects.requireNonNull(listener, "listener"));
    if (closed.get()) {
      scheduler.execute(this::runCloseListeners);
    }
  }

  @Override
  public final boolean isClosed() {
    return closeRequested.get() || closed.get();
  }

  @Override
  public final void close() {
    if (closeRequested.compareAndSet(false, true)) {
      doClose();
    }
  }

  /** Datagrams received while no handler was set, or after close. */
  public final long droppedUnhandled() {
    return droppedUnhandled.get();
  }

  /**
   * Hands a received datagram to the handler. Call on the scheduler. Dropped (and counted) when the
   * transport is closed or has no handler yet.
   */
  protected final void deliver(InetSocketAddress from, byte[] data) {
    DatagramHandler h = handler;
    if (h == null || isClosed()) {
      droppedUnhandled.incrementAndGet();
      return;
    }
    h.onDatagram(from, data);
  }

  /** Called once the handler is set, on the caller's thread. */
  protected void handlerInstalled() {}

  /**
   * Releases the endpoint; called once from {@link #close()}. The default marks the transport
   * closed at once; implementations that release asynchronously call {@link #closed()} when done.
   */
  protected void doClose() {
    closed();
  }

  /**
   * Marks the transport closed and schedules the close listeners. Idempotent; any thread. Also for
   * endpoints that go away without {@link #close()}.
   */
  protected final void closed() {
    closeRequested.set(true);
    if (closed.compareAndSet(false, true)) {
      scheduler.execute(this::runCloseListeners);
    }
  }

  private void runCloseListeners() {
    Runnable listener;
    while ((listener = closeListeners.poll()) != null) {
      listener.run();
    }
  }
}
