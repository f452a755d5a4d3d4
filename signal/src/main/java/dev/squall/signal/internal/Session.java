package dev.squall.signal.internal;

import dev.squall.util.Cancellable;
import java.util.ArrayDeque;

/**
 * A peer in a room. It outlives its connection by the resume grace period: while {@link #link} is
 * null, messages for it wait in {@link #queue} (UTF-8 JSON frames, in order). Touched only on the
 * scheduler of its room's shard.
 */
public final class Session {

  public final String id;
  public final Room room;
  public final String name;
  public String resumeToken;
  public Link link;
  public final ArrayDeque<byte[]> queue = new ArrayDeque<>();
  public Cancellable graceTimer = Cancellable.NONE;
  public boolean ended;

  private final byte[][] relayPrefixes = new byte[4][];

  public Session(String id, Room room, String name, String resumeToken) {
    this.id = id;
    this.room = room;
    this.name = name;
    this.resumeToken = resumeToken;
  }

  /** The envelope of relays from this peer ({@link RelayFrame#prefix}), made once per type. */
  public byte[] relayPrefix(String type) {
    int i =
        switch (type) {
          case "offer" -> 0;
          case "answer" -> 1;
          case "candidate" -> 2;
          default -> 3;
        };
    byte[] p = relayPrefixes[i];
    if (p == null) {
      p = RelayFrame.prefix(type, id);
      relayPrefixes[i] = p;
    }
    return p;
  }
}
