package dev.squall.peer.internal;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread a connection's DataChannel listeners run on: at most one daemon thread, running
 * callbacks one at a time in order, so that slow user code never stalls the protocol loop. The
 * thread starts when a callback is queued and ends after {@link #IDLE} without one, so an idle
 * connection holds no thread. {@link #shutdown()} lets queued callbacks finish; later ones are
 * dropped.
 */
public final class CallbackExecutor implements java.util.concurrent.Executor {

  /** How long the thread waits for the next callback before it ends. */
  public static final Duration IDLE = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(CallbackExecutor.class);

  private final ThreadPoolExecutor thread;

  public CallbackExecutor(String name) {
    this(name, IDLE);
  }

  /** A callback thread that ends after {@code idle} without work. */
  public CallbackExecutor(String name, Duration idle) {
    // no core thread and one at most: the worker is created for the first queued task, runs the
    // queue in order, and times out when it stays empty
    this.thread =
        new ThreadPoolExecutor(
            0,
            1,
            idle.toNanos(),
            TimeUnit.NANOSECONDS,
            new LinkedBlockingQueue<>(),
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

  /** Threads running callbacks now: 0 or 1. */
  public int activeThreads() {
    return thread.getPoolSize();
  }

  /** Runs what is queued, then ends the thread. */
  public void shutdown() {
    thread.shutdown();
  }
}
