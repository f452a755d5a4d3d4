package dev.squall.peer;

import dev.squall.util.Cancellable;
import dev.squall.util.Scheduler;
import dev.squall.util.VirtualScheduler;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@link VirtualScheduler} that other threads may post to. DTLS runs BouncyCastle's blocking
 * handshake on its own thread with real-time retransmission timers, and that thread hands its
 * datagrams and its result to the scheduler with {@link #execute}: those tasks wait in an inbox
 * that the test thread (the only thread that runs tasks, and the only one {@link #inScheduler()} is
 * true for) moves into virtual time. {@link #runUntil} drives both clocks: it runs virtual time in
 * small steps while the DTLS threads work in real time.
 */
final class DrivenScheduler implements Scheduler {

  private final VirtualScheduler virtual = new VirtualScheduler();
  private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
  private final Thread driver = Thread.currentThread();

  @Override
  public long nanoTime() {
    return virtual.nanoTime();
  }

  @Override
  public void execute(Runnable task) {
    if (inScheduler()) {
      virtual.execute(task);
    } else {
      inbox.add(task);
    }
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    if (!inScheduler()) {
      throw new IllegalStateException("timers are set on the test thread only");
    }
    return virtual.schedule(delay, task);
  }

  @Override
  public boolean inScheduler() {
    return Thread.currentThread() == driver;
  }

  /** Runs virtual time up to {@code duration} (tasks posted from other threads included). */
  void advance(Duration duration) {
    long end = virtual.nanoTime() + duration.toNanos();
    while (true) {
      drainInbox();
      virtual.runUntil(() -> !inbox.isEmpty(), Duration.ofNanos(end - virtual.nanoTime()));
      if (inbox.isEmpty() && virtual.nanoTime() >= end) {
        return;
      }
    }
  }

  /**
   * Runs until {@code condition} holds: tasks posted by other threads at once; while {@code
   * realTimeWork} says another thread is busy (a DTLS handshake), virtual time in 5 ms steps
   * whenever nothing was posted for a millisecond of real time; otherwise virtual time jumps from
   * task to task.
   *
   * @return true when the condition held within both limits
   */
  boolean runUntil(
      BooleanSupplier condition,
      BooleanSupplier realTimeWork,
      Duration virtualLimit,
      Duration realLimit) {
    long virtualEnd = virtual.nanoTime() + virtualLimit.toNanos();
    long realEnd = System.nanoTime() + realLimit.toNanos();
    Duration step = Duration.ofMillis(5);
    while (true) {
      drainInbox();
      virtual.runPending();
      if (condition.getAsBoolean()) {
        return true;
      }
      if (virtual.nanoTime() >= virtualEnd || System.nanoTime() >= realEnd) {
        return false;
      }
      if (!realTimeWork.getAsBoolean()) {
        // nothing runs in real time: let virtual time jump
        virtual.runUntil(
            () -> !inbox.isEmpty() || condition.getAsBoolean() || realTimeWork.getAsBoolean(),
            Duration.ofNanos(virtualEnd - virtual.nanoTime()));
        continue;
      }
      Runnable posted = poll();
      if (posted != null) {
        virtual.execute(posted);
        continue;
      }
      virtual.runUntil(() -> !inbox.isEmpty() || condition.getAsBoolean(), step);
    }
  }

  /** Moves every posted task into the virtual queue at the current instant. */
  private void drainInbox() {
    Runnable task;
    while ((task = inbox.poll()) != null) {
      virtual.execute(task);
    }
  }

  private Runnable poll() {
    try {
      return inbox.poll(1, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
