package dev.squall.signal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.squall.signal.AuthTokens;
import dev.squall.signal.IceServer;
import dev.squall.signal.SignalingConfig;
import dev.squall.signal.SignalingConnection;
import dev.squall.signal.message.ClientMessage;
import dev.squall.signal.message.ErrorCode;
import dev.squall.signal.message.ErrorMessage;
import dev.squall.signal.message.Join;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.Leave;
import dev.squall.signal.message.PeerInfo;
import dev.squall.signal.message.PeerLeft;
import dev.squall.signal.message.Ping;
import dev.squall.signal.message.Pong;
import dev.squall.signal.message.Relay;
import dev.squall.signal.message.Resume;
import dev.squall.signal.message.ServerMessage;
import dev.squall.signal.message.SignalingCodec;
import dev.squall.signal.message.SignalingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the hub does with one connection's requests, on the shard that owns the connection ({@link
 * Link#route}): rate limit, validation, rooms, relay, error codes (docs/signaling.md). A {@code
 * join} or {@code resume} for a room or session of another shard is checked here and finished on
 * that shard, which then owns the link; either way the owner ends the barrier with {@link
 * Router#release}.
 */
public final class RequestHandler {

  /** Moves a link to its new owner once a join or resume has been handled. */
  public interface Router {
    /** Ends {@code link}'s barrier: from now on its events run on {@code owner}. */
    void release(Link link, Shard owner);

    /** The shard that holds {@code room}. */
    Shard shardFor(String room);

    /** The shard that made {@code resumeToken}, or null. */
    Shard shardOfToken(String resumeToken);

    /** Runs {@code task} for {@code link} on {@code shard}, answering a bug with internal. */
    void runGuarded(Shard shard, Link link, Runnable task);
  }

  private final SignalingConfig config;
  private final SignalingCodec codec;
  private final AuthTokens auth;
  private final Clock wallClock;
  private final HubMetrics metrics;
  private final Router router;

  public RequestHandler(
      SignalingConfig config,
      SignalingCodec codec,
      AuthTokens auth,
      Clock wallClock,
      HubMetrics metrics,
      Router router) {
    this.config = config;
    this.codec = codec;
    this.auth = auth;
    this.wallClock = wallClock;
    this.metrics = metrics;
    this.router = router;
  }

  /** A decoded message; {@code join} and {@code resume} arrive as barriers. */
  public void message(Shard owner, Link link, ClientMessage m) {
    if (!link.bucket.tryTake()) {
      sendError(
          link.connection, ErrorCode.RATE_LIMITED, "rate limit exceeded, message dropped", m.ref());
      releaseIfBarrier(owner, link, m);
      return;
    }
    if (m instanceof Join j) {
      barrier(owner, link, () -> join(owner, link, j));
    } else if (m instanceof Resume r) {
      barrier(owner, link, () -> resume(owner, link, r));
    } else if (m instanceof Relay r) {
      relay(owner, link, r);
    } else if (m instanceof Leave l) {
      leave(owner, link, l);
    } else if (m instanceof Ping p) {
      send(link.connection, new Pong(p.id()));
    }
  }

  /** A relay decoded by {@link RelayDecoder}. */
  public void frame(Shard owner, Link link, RelayFrame f) {
    if (!link.bucket.tryTake()) {
      sendError(
          link.connection, ErrorCode.RATE_LIMITED, "rate limit exceeded, message dropped", f.ref);
      return;
    }
    Session s = link.session;
    if (s == null) {
      sendError(link.connection, ErrorCode.NOT_JOINED, "join a room first", f.ref);
      return;
    }
    f.seal(s.relayPrefix(f.type));
    if (f.to == null) {
      int n = owner.rooms.broadcast(s, f.bytes(), f.offset(), f.length());
      for (int i = 0; i < n; i++) {
        metrics.relayed(f.type);
      }
      return;
    }
    Session target = owner.rooms.peer(s, f.to);
    if (target == null) {
      sendError(link.connection, ErrorCode.UNKNOWN_PEER, "no such peer in your room", f.ref);
      return;
    }
    owner.rooms.deliver(target, f.bytes(), f.offset(), f.length());
    metrics.relayed(f.type);
  }

  /** A frame the transport refused (bad JSON, too large, binary...). */
  public void refused(Link link, SignalingException problem) {
    if (!link.bucket.tryTake()) {
      sendError(
          link.connection,
          ErrorCode.RATE_LIMITED,
          "rate limit exceeded, message dropped",
          problem.ref());
      return;
    }
    sendError(link.connection, problem.code(), problem.getMessage(), problem.ref());
  }

  /** The connection closed: its session waits for a resume (or ends). */
  public void disconnected(Shard owner, Link link) {
    Session s = link.session;
    if (s != null) {
      link.session = null;
      owner.rooms.detach(s);
    }
  }

  // ------------------------------------------------------------------ barriers

  /** Runs a join or resume step that returns the new owner, or null when it moved on. */
  private interface Step {
    Shard run();
  }

  private void barrier(Shard owner, Link link, Step step) {
    Shard next = owner;
    try {
      next = step.run();
    } finally {
      if (next != null) {
        router.release(link, next);
      }
    }
  }

  private void releaseIfBarrier(Shard owner, Link link, ClientMessage m) {
    if (m instanceof Join || m instanceof Resume) {
      router.release(link, owner);
    }
  }

  private Shard join(Shard owner, Link link, Join j) {
    SignalingConnection c = link.connection;
    if (link.session != null) {
      sendError(c, ErrorCode.ALREADY_JOINED, "already in room " + link.session.room.name, j.ref());
      return owner;
    }
    if (!Names.validRoom(j.room())) {
      sendError(c, ErrorCode.BAD_ROOM, "room names match ^[A-Za-z0-9_-]{1,64}$", j.ref());
      return owner;
    }
    String name = Names.displayName(j.name());
    if (name == null) {
      sendError(c, ErrorCode.BAD_NAME, "names are 1-64 characters without controls", j.ref());
      return owner;
    }
    if (auth != null) {
      AuthTokens.Result r = auth.verify(j.token(), j.room(), name, wallClock.instant());
      if (r != AuthTokens.Result.VALID) {
        String why = r.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        sendError(c, ErrorCode.UNAUTHORIZED, "token refused: " + why, j.ref());
        return owner;
      }
    }
    Shard target = router.shardFor(j.room());
    if (target == owner) {
      return joinHere(target, link, j, name);
    }
    router.runGuarded(
        target, link, () -> barrier(target, link, () -> joinHere(target, link, j, name)));
    return null;
  }

  private Shard joinHere(Shard shard, Link link, Join j, String name) {
    if (shard.rooms.isFull(j.room())) {
      sendError(link.connection, ErrorCode.ROOM_FULL, "room is full", j.ref());
      return shard;
    }
    Session s = shard.rooms.join(link, j.room(), name);
    send(link.connection, joined(shard, s, false));
    shard.rooms.announce(s);
    return shard;
  }

  private Shard resume(Shard owner, Link link, Resume r) {
    if (link.session != null) {
      sendError(
          link.connection,
          ErrorCode.ALREADY_JOINED,
          "already in room " + link.session.room.name,
          r.ref());
      return owner;
    }
    Shard target = router.shardOfToken(r.resumeToken());
    if (target == null || target == owner) {
      return resumeHere(owner, link, r);
    }
    router.runGuarded(target, link, () -> barrier(target, link, () -> resumeHere(target, link, r)));
    return null;
  }

  private Shard resumeHere(Shard shard, Link link, Resume r) {
    Session s = shard.rooms.byResumeToken(r.resumeToken());
    if (s == null || s.ended) {
      sendError(
          link.connection, ErrorCode.RESUME_FAILED, "unknown or expired resume token", r.ref());
      return shard;
    }
    shard.rooms.resume(s, link);
    send(link.connection, joined(shard, s, true));
    shard.rooms.flushQueue(s);
    return shard;
  }

  // ------------------------------------------------------------------ others

  private void relay(Shard owner, Link link, Relay m) {
    Session s = link.session;
    if (s == null) {
      sendError(link.connection, ErrorCode.NOT_JOINED, "join a room first", m.ref());
      return;
    }
    byte[] json = codec.encode(m.from(s.id)).getBytes(StandardCharsets.UTF_8);
    if (m.to() == null) {
      int n = owner.rooms.broadcast(s, json, 0, json.length);
      for (int i = 0; i < n; i++) {
        metrics.relayed(m.type());
      }
      return;
    }
    Session target = owner.rooms.peer(s, m.to());
    if (target == null) {
      sendError(link.connection, ErrorCode.UNKNOWN_PEER, "no such peer in your room", m.ref());
      return;
    }
    owner.rooms.deliver(target, json, 0, json.length);
    metrics.relayed(m.type());
  }

  private void leave(Shard owner, Link link, Leave l) {
    if (link.session == null) {
      sendError(link.connection, ErrorCode.NOT_JOINED, "not in a room", l.ref());
      return;
    }
    owner.rooms.end(link.session, PeerLeft.LEFT);
  }

  private Joined joined(Shard shard, Session s, boolean resumed) {
    List<PeerInfo> peers = new ArrayList<>();
    for (Session m : shard.rooms.others(s)) {
      peers.add(new PeerInfo(m.id, m.name));
    }
    List<IceServer> ice = config.iceServers().forHost(s.link.connection.requestHost());
    return new Joined(
        s.id, s.room.name, s.name, peers, ice == null ? List.of() : ice, s.resumeToken, resumed);
  }

  private void send(SignalingConnection c, ServerMessage m) {
    c.send(codec.encode(m));
  }

  /** Counts and sends an {@code error}. */
  public void sendError(SignalingConnection c, ErrorCode code, String message, JsonNode ref) {
    metrics.error(code);
    send(c, new ErrorMessage(code.wire(), message, ref));
  }
}
