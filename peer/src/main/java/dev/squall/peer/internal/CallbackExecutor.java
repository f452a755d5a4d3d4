package dev.squall.peer.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread a connection's DataChannel listeners run on: one daemon thread, started on first use,
 * running callbacks one at a time in order, so that slow user code never stalls the protocol loop.
 * {@link #shutdown()} lets queued callbacks finish; later ones are dropped.
 */
public final class CallbackExecutor implements java.util.concurrent.Executor {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackExecutor.class);

  private final ExecutorService thread;

  public CallbackExecutor(String name) {
    this.thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void execute(Runnable task) {
    try {
      thread.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.debug("callback after close dropped");
    }
  }

  /** Queues {@code task}; false (and nothing queued) once shut down. */
  public boolean tryExecute(Runnable task) {
    try {
      thread.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Runs what is queued, then ends the thread. */
  public void shutdown() {
    thread.shutdown();
  }
}
