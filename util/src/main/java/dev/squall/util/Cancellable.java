package dev.squall.util;

/**
 * A handle to a scheduled task. Cancelling a task that already ran or was cancelled does nothing.
 */
@FunctionalInterface
public interface Cancellable {

  /** Prevents the task from running if it has not started yet. */
  void cancel();

  /** A handle whose cancellation does nothing. */
  Cancellable NONE = () -> {};
}
