package dev.squall.signal.internal;

import dev.squall.signal.SignalingConfig;
import dev.squall.signal.message.PeerInfo;
import dev.squall.signal.message.PeerJoined;
import dev.squall.signal.message.PeerLeft;
import dev.squall.signal.message.SignalingCodec;
import dev.squall.util.Cancellable;
import dev.squall.util.Scheduler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rooms, sessions and delivery. A message for an attached session goes straight to its connection;
 * for a detached one it is queued until resume, and a full queue ends the session (peer-left {@code
 * timeout}), so no message is dropped silently. One instance per hub shard, holding the rooms whose
 * names hash to it; touched only on that shard's scheduler.
 */
public final class Rooms {

  private final SignalingConfig config;
  private final Scheduler scheduler;
  private final SignalingCodec codec;
  private final Ids ids;
  private final Map<String, Room> rooms = new HashMap<>();
  private final Map<String, Session> byId = new HashMap<>();
  private final Map<String, Session> byResumeToken = new HashMap<>();
  private volatile int roomCount;
  private volatile int sessionCount;

  /**
   * @param shard this instance's index among the hub's shards: the first character of every peer id
   *     and resume token it makes (see {@link Ids}), so ids stay unique across shards
   */
  public Rooms(SignalingConfig config, Scheduler scheduler, SignalingCodec codec, int shard) {
    this.config = config;
    this.scheduler = scheduler;
    this.codec = codec;
    this.ids = new Ids(shard);
  }

  public int roomCount() {
    return roomCount;
  }

  public int sessionCount() {
    return sessionCount;
  }

  /** True when {@code room} exists and is at its size limit. */
  public boolean isFull(String room) {
    Room r = rooms.get(room);
    return r != null && r.members.size() >= config.maxRoomSize();
  }

  /**
   * Adds a new session for {@code link} to {@code roomName} (created when absent) and tells the
   * other members. The caller has checked the limits and sends {@code joined} before anything else
   * reaches the link: call {@link #announce} after that.
   */
  public Session join(Link link, String roomName, String name) {
    Room room = rooms.computeIfAbsent(roomName, Room::new);
    String id;
    do {
      id = ids.peerId();
    } while (byId.containsKey(id));
    Session s = new Session(id, room, name, ids.resumeToken());
    room.members.put(id, s);
    byId.put(id, s);
    byResumeToken.put(s.resumeToken, s);
    attach(s, link);
    updateCounts();
    return s;
  }

  /** Sends {@code peer-joined} for {@code s} to the other members. */
  public void announce(Session s) {
    broadcast(s, codec.encode(new PeerJoined(new PeerInfo(s.id, s.name))));
  }

  /** The session a resume token belongs to, or null. */
  public Session byResumeToken(String token) {
    return token == null ? null : byResumeToken.get(token);
  }

  /**
   * Attaches {@code s} to {@code link} with a fresh resume token and stops its grace timer. A
   * session still attached elsewhere is taken from its old link, which is closed.
   */
  public void resume(Session s, Link link) {
    s.graceTimer.cancel();
    s.graceTimer = Cancellable.NONE;
    Link old = s.link;
    if (old != null) {
      old.session = null;
      old.connection.close(4000, "session resumed on another connection");
    }
    byResumeToken.remove(s.resumeToken);
    s.resumeToken = ids.resumeToken();
    byResumeToken.put(s.resumeToken, s);
    attach(s, link);
  }

  /** Sends every queued message of a just-resumed session, in order. */
  public void flushQueue(Session s) {
    while (!s.queue.isEmpty() && s.link != null) {
      byte[] json = s.queue.poll();
      s.link.connection.send(json, 0, json.length);
    }
  }

  /** The member {@code id} of {@code s}'s room other than {@code s}, or null. */
  public Session peer(Session s, String id) {
    Session t = id == null ? null : s.room.members.get(id);
    return t == s ? null : t;
  }

  /** The other members of {@code s}'s room, in join order. */
  public List<Session> others(Session s) {
    List<Session> out = new ArrayList<>(s.room.members.size());
    for (Session m : s.room.members.values()) {
      if (m != s) {
        out.add(m);
      }
    }
    return out;
  }

  /** Sends {@code json} to every other member of {@code from}'s room; returns how many. */
  public int broadcast(Session from, String json) {
    List<Session> targets = others(from);
    for (Session t : targets) {
      deliver(t, json);
    }
    return targets.size();
  }

  /** Sends the frame in {@code utf8[offset, offset + length)} to every other member; how many. */
  public int broadcast(Session from, byte[] utf8, int offset, int length) {
    List<Session> targets = others(from);
    for (Session t : targets) {
      deliver(t, utf8, offset, length);
    }
    return targets.size();
  }

  /**
   * Sends {@code json} to {@code target} now, or queues it while the session is detached. A queue
   * that would overflow ends the session with reason {@code timeout}.
   */
  public void deliver(Session target, String json) {
    if (!target.ended && target.link != null) {
      target.link.connection.send(json);
    } else if (queueable(target)) {
      target.queue.add(json.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Sends the frame in {@code utf8[offset, offset + length)} (not changed afterwards) to {@code
   * target} now, or queues a copy while the session is detached, as {@link #deliver(Session,
   * String)}.
   */
  public void deliver(Session target, byte[] utf8, int offset, int length) {
    if (!target.ended && target.link != null) {
      target.link.connection.send(utf8, offset, length);
    } else if (queueable(target)) {
      target.queue.add(Arrays.copyOfRange(utf8, offset, offset + length));
    }
  }

  /** True when a message for detached {@code target} may be queued; ends it when full. */
  private boolean queueable(Session target) {
    if (target.ended) {
      return false;
    }
    if (target.queue.size() >= config.resumeQueue()) {
      end(target, PeerLeft.TIMEOUT);
      return false;
    }
    return true;
  }

  /**
   * Detaches {@code s} from its dropped connection. With a grace period it waits for a resume;
   * without one it ends at once (reason {@code disconnected}).
   */
  public void detach(Session s) {
    s.link = null;
    if (config.resumeGrace().isZero()) {
      end(s, PeerLeft.DISCONNECTED);
      return;
    }
    s.graceTimer =
        scheduler.schedule(
            config.resumeGrace(),
            () -> {
              if (s.link == null) {
                end(s, PeerLeft.TIMEOUT);
              }
            });
  }

  /** Removes {@code s} from its room and tells the others {@code peer-left} with {@code reason}. */
  public void end(Session s, String reason) {
    if (s.ended) {
      return;
    }
    s.ended = true;
    s.graceTimer.cancel();
    s.queue.clear();
    if (s.link != null) {
      s.link.session = null;
      s.link = null;
    }
    s.room.members.remove(s.id);
    byId.remove(s.id);
    byResumeToken.remove(s.resumeToken);
    if (s.room.members.isEmpty()) {
      rooms.remove(s.room.name);
    }
    updateCounts();
    String left = codec.encode(new PeerLeft(s.id, reason));
    for (Session m : new ArrayList<>(s.room.members.values())) {
      deliver(m, left);
    }
  }

  /** Drops every room and session without telling anyone (shutdown). */
  public void clear() {
    for (Session s : byId.values()) {
      s.ended = true;
      s.graceTimer.cancel();
    }
    rooms.clear();
    byId.clear();
    byResumeToken.clear();
    updateCounts();
  }

  private static void attach(Session s, Link link) {
    s.link = link;
    link.session = s;
  }

  private void updateCounts() {
    roomCount = rooms.size();
    sessionCount = byId.size();
  }
}
