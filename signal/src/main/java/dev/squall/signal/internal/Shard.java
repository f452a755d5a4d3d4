package dev.squall.signal.internal;

import dev.squall.signal.SignalingConnection;
import dev.squall.util.Scheduler;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One serial partition of a {@link dev.squall.signal.SignalingHub}: a scheduler (in production one
 * Netty I/O event loop), the rooms whose names hash to it, and the links of the connections whose
 * events the transport reports on that scheduler (their home). Everything here is touched only on
 * {@link #scheduler}; the counts may be read from any thread.
 */
public final class Shard {

  public final int index;
  public final Scheduler scheduler;
  public final Rooms rooms;

  /** Links of the connections homed here, by connection. */
  public final Map<SignalingConnection, Link> links = new IdentityHashMap<>();

  public Shard(int index, Scheduler scheduler, Rooms rooms) {
    this.index = index;
    this.scheduler = scheduler;
    this.rooms = rooms;
  }

  /** Runs {@code task} now when called on this shard's scheduler, else queues it there. */
  public void run(Runnable task) {
    if (scheduler.inScheduler()) {
      task.run();
    } else {
      scheduler.execute(task);
    }
  }
}
