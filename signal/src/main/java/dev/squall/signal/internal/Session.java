package dev.squall.signal.internal;

import dev.squall.util.Cancellable;
import java.util.ArrayDeque;

/**
 * A peer in a room. It outlives its connection by the resume grace period: while {@link #link} is
 * null, messages for it wait in {@link #queue} (encoded JSON, in order). Touched only on the hub's
 * scheduler.
 */
public final class Session {

  public final String id;
  public final Room room;
  public final String name;
  public String resumeToken;
  public Link link;
  public final ArrayDeque<String> queue = new ArrayDeque<>();
  public Cancellable graceTimer = Cancellable.NONE;
  public boolean ended;

  public Session(String id, Room room, String name, String resumeToken) {
    this.id = id;
    this.room = room;
    this.name = name;
    this.resumeToken = resumeToken;
  }
}
