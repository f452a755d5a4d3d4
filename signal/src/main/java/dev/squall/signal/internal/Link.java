package dev.squall.signal.internal;

import dev.squall.signal.SignalingConnection;
import java.util.ArrayDeque;

/**
 * The hub's state for one open connection, in two parts with one thread each.
 *
 * <p>Routing ({@link #home}, {@link #route}, {@link #pending}, {@link #held}) is touched only on
 * the home shard: the scheduler the transport reports this connection's events on. Every event is
 * run, in order, on {@link #route}, the shard that owns the connection's state. A {@code join} or
 * {@code resume} may move the connection to another shard, so it is a barrier: later events wait in
 * {@link #held} until the owner releases it with the new route.
 *
 * <p>State ({@link #bucket}, {@link #session}) is touched only on {@link #route}, the owner. A link
 * with a session is owned by the shard of the session's room.
 */
public final class Link {

  public final SignalingConnection connection;
  public final Shard home;
  public final TokenBucket bucket;
  public Session session;

  /** The owning shard (home's routing view; changed only when a barrier is released). */
  public Shard route;

  /** True while a join or resume is in flight; new events wait in {@link #held}. */
  public boolean pending;

  /**
   * Events waiting for the barrier, in order ({@link Barrier}s among them start a new one); null
   * until first needed.
   */
  public ArrayDeque<Runnable> held;

  public Link(SignalingConnection connection, Shard home, TokenBucket bucket) {
    this.connection = connection;
    this.home = home;
    this.route = home;
    this.bucket = bucket;
  }

  /** A held event that is itself a barrier (a join or resume). */
  public record Barrier(Runnable task) implements Runnable {
    @Override
    public void run() {
      task.run();
    }
  }
}
