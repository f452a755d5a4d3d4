package dev.squall.util;

import java.time.Duration;

/**
 * A serial executor with timers: every task runs on one logical thread, one at a time, in the order
 * of its deadline (ties in submission order). Protocol cores assume this and hold no locks.
 *
 * <p>Implementations: {@link VirtualScheduler} for tests (time moves only when the test advances
 * it) and a Netty event loop binding for production.
 */
public interface Scheduler extends Clock {

  /** Runs {@code task} as soon as possible, after the tasks already due. */
  void execute(Runnable task);

  /** Runs {@code task} once after {@code delay}. */
  Cancellable schedule(Duration delay, Runnable task);

  /** True when called from the scheduler's own thread (always true for the virtual scheduler). */
  boolean inScheduler();
}
