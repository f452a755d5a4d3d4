package dev.squall.server.internal;

/** Live counts the health and metrics endpoints report; implemented by the running server. */
public interface ServerStatus {

  /** Open signaling connections. */
  int connections();

  /** Rooms with at least one member. */
  int rooms();

  /** True while the server is stopping. */
  boolean stopping();
}
