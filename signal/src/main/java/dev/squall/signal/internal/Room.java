package dev.squall.signal.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A room: its members by peer id, in join order. Touched only on the hub's scheduler. */
public final class Room {

  public final String name;
  public final Map<String, Session> members = new LinkedHashMap<>();

  public Room(String name) {
    this.name = name;
  }
}
