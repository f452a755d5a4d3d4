package dev.squall.net;

import dev.squall.util.Cancellable;
import dev.squall.util.Clock;
import dev.squall.util.Scheduler;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link Scheduler}: tasks run on one Netty {@link EventLoop}, which is
 * single-threaded, so the serial contract holds. Time comes from the system's monotonic clock.
 */
public final class EventLoopScheduler implements Scheduler {

  private final EventLoop loop;
  private final Clock clock;

  public EventLoopScheduler(EventLoop loop) {
    this.loop = Objects.requireNonNull(loop, "loop");
    this.clock = Clock.system();
  }

  /** The event loop this scheduler runs on. */
  public EventLoop eventLoop() {
    return loop;
  }

  @Override
  public long nanoTime() {
    return clock.nanoTime();
  }

  @Override
  public void execute(Runnable task) {
    loop.execute(task);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> future = loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    return () -> future.cancel(false);
  }

  @Override
  public boolean inScheduler() {
    return loop.inEventLoop();
  }
}
