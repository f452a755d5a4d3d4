package dev.squall.bench.datachannel;

import dev.squall.net.DatagramHandler;
import dev.squall.net.DatagramTransport;
import dev.squall.util.Scheduler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Random;

/**
 * A user-space stand-in for {@code tc netem} (which this kernel lacks): a {@link DatagramTransport}
 * decorator that drops each outgoing datagram with probability {@code lossRate} (seeded {@link
 * Random}, so a run is repeatable) and sends the others {@code delay} later, in order, on the
 * transport's scheduler. Wrapping both peers' transports with a delay of RTT/2 gives that RTT.
 * Datagrams waiting beyond {@code queueLimitBytes} are dropped too (a router buffer, counted
 * separately). Receiving is untouched.
 *
 * <p>One FIFO queue and at most one pending timer: the delay is constant, so datagrams fall due in
 * the order they were sent. Not thread-safe beyond the transport's own contract: sends from another
 * thread hop onto the scheduler.
 */
final class LinkEmulator implements DatagramTransport {

  private record Pending(long due, InetSocketAddress to, byte[] data) {}

  private final DatagramTransport inner;
  private final long delayNanos;
  private final double lossRate;
  private final long queueLimitBytes;
  private final Random random;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private long queuedBytes;
  private boolean timerPending;
  private long sent;
  private long lost;
  private long overflowed;

  LinkEmulator(
      DatagramTransport inner, Duration delay, double lossRate, long seed, long queueLimitBytes) {
    this.inner = Objects.requireNonNull(inner, "inner");
    if (delay.isNegative() || !(lossRate >= 0 && lossRate < 1) || queueLimitBytes < 1) {
      throw new IllegalArgumentException("delay >= 0, 0 <= loss < 1, queue limit >= 1");
    }
    this.delayNanos = delay.toNanos();
    this.lossRate = lossRate;
    this.queueLimitBytes = queueLimitBytes;
    this.random = new Random(seed);
  }

  @Override
  public void send(InetSocketAddress to, byte[] data) {
    hop(to, data.clone());
  }

  @Override
  public void send(InetSocketAddress to, java.nio.ByteBuffer data) {
    byte[] copy = new byte[data.remaining()];
    data.duplicate().get(copy);
    hop(to, copy);
  }

  private void hop(InetSocketAddress to, byte[] copy) {
    if (!inner.scheduler().inScheduler()) {
      inner.scheduler().execute(() -> enqueue(to, copy));
    } else {
      enqueue(to, copy);
    }
  }

  private void enqueue(InetSocketAddress to, byte[] data) {
    sent++;
    if (lossRate > 0 && random.nextDouble() < lossRate) {
      lost++;
      return;
    }
    if (delayNanos == 0) {
      inner.send(to, data);
      return;
    }
    if (queuedBytes + data.length > queueLimitBytes) {
      overflowed++;
      return;
    }
    queue.addLast(new Pending(inner.scheduler().nanoTime() + delayNanos, to, data));
    queuedBytes += data.length;
    if (!timerPending) {
      timerPending = true;
      inner.scheduler().schedule(Duration.ofNanos(delayNanos), this::flush);
    }
  }

  private void flush() {
    timerPending = false;
    long now = inner.scheduler().nanoTime();
    Pending head;
    while ((head = queue.peekFirst()) != null && head.due() - now <= 0) {
      queue.pollFirst();
      queuedBytes -= head.data().length;
      if (!inner.isClosed()) {
        inner.send(head.to(), head.data());
      }
    }
    if (head != null && !inner.isClosed()) {
      timerPending = true;
      inner.scheduler().schedule(Duration.ofNanos(head.due() - now), this::flush);
    }
  }

  /** Datagrams offered to {@link #send}. Read on the scheduler. */
  long sent() {
    return sent;
  }

  /** Datagrams dropped by the random loss. */
  long lost() {
    return lost;
  }

  /** Datagrams dropped because the delay queue was full. */
  long overflowed() {
    return overflowed;
  }

  @Override
  public void onReceive(DatagramHandler handler) {
    inner.onReceive(handler);
  }

  @Override
  public void onClose(Runnable listener) {
    inner.onClose(listener);
  }

  @Override
  public InetSocketAddress localAddress() {
    return inner.localAddress();
  }

  @Override
  public Scheduler scheduler() {
    return inner.scheduler();
  }

  @Override
  public boolean isClosed() {
    return inner.isClosed();
  }

  @Override
  public void close() {
    inner.close();
    if (inner.scheduler().inScheduler()) {
      queue.clear();
      queuedBytes = 0;
    }
  }
}
