package dev.squall.peer.internal;

import dev.squall.util.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Runs a task on a scheduler (at once when already on it) and completes a future with it. */
public final class OnScheduler {

  private OnScheduler() {}

  /** The future completes on the scheduler with the task's result or its runtime exception. */
  public static <T> CompletableFuture<T> call(Scheduler scheduler, Supplier<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable run =
        () -> {
          try {
            result.complete(task.get());
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        };
    if (scheduler.inScheduler()) {
      run.run();
    } else {
      scheduler.execute(run);
    }
    return result;
  }
}
