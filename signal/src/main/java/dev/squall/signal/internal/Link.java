package dev.squall.signal.internal;

import dev.squall.signal.SignalingConnection;

/**
 * The hub's state for one open connection: its transport, rate limiter and the session it is
 * attached to (null before join and after leave). Touched only on the hub's scheduler.
 */
public final class Link {

  public final SignalingConnection connection;
  public final TokenBucket bucket;
  public Session session;

  public Link(SignalingConnection connection, TokenBucket bucket) {
    this.connection = connection;
    this.bucket = bucket;
  }
}
