package dev.squall.util;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on virtual time for deterministic tests. Time stands still until the test
 * calls {@link #advance(Duration)}, {@link #runUntilIdle()} or {@link #runFor(Duration)}; tasks
 * then run on the caller's thread in deadline order. Not thread-safe: drive it from one thread.
 */
public final class VirtualScheduler implements Scheduler {

  private final PriorityQueue<Task> queue = new PriorityQueue<>();
  private long now;
  private long sequence;
  private long executed;

  /** Starts at virtual time zero. */
  public VirtualScheduler() {
    this(0);
  }

  /** Starts at the given virtual time in nanoseconds. */
  public VirtualScheduler(long startNanos) {
    this.now = startNanos;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void execute(Runnable task) {
    enqueue(now, task);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    long nanos = Math.max(0, delay.toNanos());
    return enqueue(now + nanos, task);
  }

  @Override
  public boolean inScheduler() {
    return true;
  }

  /** Runs every task due up to {@code now + duration}, then sets the time to that instant. */
  public void advance(Duration duration) {
    long target = now + Math.max(0, duration.toNanos());
    runDueBy(target);
    now = target;
  }

  /** Same as {@link #advance(Duration)}. */
  public void runFor(Duration duration) {
    advance(duration);
  }

  /** Runs the tasks already due at the current time, without moving time. */
  public void runPending() {
    runDueBy(now);
  }

  /**
   * Runs tasks, jumping time to each next deadline, until none is left. Stops with an exception
   * after {@code maxTasks} tasks, which catches protocol cores that reschedule themselves forever.
   */
  public void runUntilIdle(long maxTasks) {
    long budget = maxTasks;
    while (!queue.isEmpty()) {
      if (budget-- <= 0) {
        throw new IllegalStateException("scheduler still busy after " + maxTasks + " tasks");
      }
      runOne(queue.poll());
    }
  }

  /** {@link #runUntilIdle(long)} with a budget of one million tasks. */
  public void runUntilIdle() {
    runUntilIdle(1_000_000);
  }

  /**
   * Advances time task by task until {@code condition} holds or {@code limit} of virtual time
   * passed.
   *
   * @return true when the condition held
   */
  public boolean runUntil(java.util.function.BooleanSupplier condition, Duration limit) {
    long deadline = now + limit.toNanos();
    runPending();
    while (!condition.getAsBoolean()) {
      Task next = queue.peek();
      if (next == null || next.deadline > deadline) {
        now = Math.max(now, deadline);
        return condition.getAsBoolean();
      }
      runOne(queue.poll());
    }
    return true;
  }

  /** Number of tasks waiting, cancelled ones included until their deadline passes. */
  public int pendingTasks() {
    return (int) queue.stream().filter(t -> !t.cancelled).count();
  }

  /** Number of tasks run so far. */
  public long executedTasks() {
    return executed;
  }

  private void runDueBy(long target) {
    while (!queue.isEmpty() && queue.peek().deadline <= target) {
      runOne(queue.poll());
    }
  }

  private void runOne(Task task) {
    if (task.cancelled) {
      return;
    }
    now = Math.max(now, task.deadline);
    executed++;
    task.runnable.run();
  }

  private Task enqueue(long deadline, Runnable runnable) {
    Task task = new Task(deadline, sequence++, Objects.requireNonNull(runnable, "task"));
    queue.add(task);
    return task;
  }

  private static final class Task implements Comparable<Task>, Cancellable {
    final long deadline;
    final long order;
    final Runnable runnable;
    boolean cancelled;

    Task(long deadline, long order, Runnable runnable) {
      this.deadline = deadline;
      this.order = order;
      this.runnable = runnable;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Task other) {
      int byDeadline = Long.compare(deadline, other.deadline);
      return byDeadline != 0 ? byDeadline : Long.compare(order, other.order);
    }
  }
}
