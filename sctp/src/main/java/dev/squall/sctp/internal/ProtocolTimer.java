package dev.squall.sctp.internal;

import dev.squall.util.Cancellable;
import dev.squall.util.Scheduler;
import java.time.Duration;

/**
 * A named one-shot protocol timer (T1-init, T1-cookie, T2-shutdown, T3-rtx...) on the serial
 * scheduler. Restarting is cheap: moving the deadline later does not schedule a new task, the
 * pending one re-arms itself when it fires early. Runs its action only while started.
 */
public final class ProtocolTimer {

  private final Scheduler scheduler;
  private final String name;
  private final Runnable onExpiry;
  private long deadline;
  private boolean running;
  private Cancellable task = Cancellable.NONE;
  private long taskDeadline = Long.MAX_VALUE;
  private boolean taskPending;

  public ProtocolTimer(Scheduler scheduler, String name, Runnable onExpiry) {
    this.scheduler = scheduler;
    this.name = name;
    this.onExpiry = onExpiry;
  }

  /** Starts the timer unless it is running. */
  public void start(long delayNanos) {
    if (!running) {
      restart(delayNanos);
    }
  }

  /** (Re)starts the timer to expire {@code delayNanos} from now. */
  public void restart(long delayNanos) {
    running = true;
    deadline = scheduler.nanoTime() + delayNanos;
    if (!taskPending || taskDeadline > deadline) {
      arm(deadline);
    }
  }

  public void stop() {
    running = false;
  }

  public boolean isRunning() {
    return running;
  }

  public String name() {
    return name;
  }

  /** Virtual or real instant of expiry, meaningful while running. */
  public long deadline() {
    return deadline;
  }

  private void arm(long at) {
    task.cancel();
    taskDeadline = at;
    taskPending = true;
    task = scheduler.schedule(Duration.ofNanos(at - scheduler.nanoTime()), this::fire);
  }

  private void fire() {
    taskPending = false;
    taskDeadline = Long.MAX_VALUE;
    if (!running) {
      return;
    }
    if (scheduler.nanoTime() < deadline) {
      arm(deadline);
      return;
    }
    running = false;
    onExpiry.run();
  }

  @Override
  public String toString() {
    return name + (running ? " running" : " stopped");
  }
}
