package dev.squall.signal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.squall.signal.internal.HubMetrics;
import dev.squall.signal.internal.Link;
import dev.squall.signal.internal.Names;
import dev.squall.signal.internal.Rooms;
import dev.squall.signal.internal.Session;
import dev.squall.signal.internal.TokenBucket;
import dev.squall.signal.message.AppMessage;
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
import dev.squall.signal.message.Shutdown;
import dev.squall.signal.message.SignalingCodec;
import dev.squall.signal.message.SignalingException;
import dev.squall.util.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-independent signaling server of docs/signaling.md: rooms, sessions, relay, resume
 * with a grace period and a bounded queue, auth, a per-connection token-bucket rate limit,
 * validation and error codes.
 *
 * <p>Transports report each connection's life with {@link #connected}, {@link #received} (or {@link
 * #refused} for a frame they could not accept) and {@link #disconnected}, from any thread, in order
 * per connection. Every such call is handed to the {@link Scheduler} given here, which is serial:
 * all state lives on it and no locks are taken. Answers go back through {@link
 * SignalingConnection#send}. Nothing a client sends makes these methods throw; a bug while handling
 * a message is logged and answered with {@code internal}.
 */
public final class SignalingHub {

  /** WebSocket status for connections refused at the connection limit (Try Again Later). */
  public static final int STATUS_TRY_AGAIN_LATER = 1013;

  /** WebSocket status sent on shutdown (Going Away). */
  public static final int STATUS_GOING_AWAY = 1001;

  private static final Logger log = LoggerFactory.getLogger(SignalingHub.class);

  private final SignalingConfig config;
  private final Scheduler scheduler;
  private final Clock wallClock;
  private final SignalingCodec codec = new SignalingCodec();
  private final AuthTokens auth;
  private final Rooms rooms;
  private final HubMetrics metrics;
  private final Map<SignalingConnection, Link> links = new IdentityHashMap<>();
  private volatile int connectionCount;
  private CompletableFuture<Void> shutdown;

  /** A hub whose auth tokens are checked against the system's wall clock. */
  public SignalingHub(SignalingConfig config, Scheduler scheduler, MeterRegistry registry) {
    this(config, scheduler, registry, Clock.systemUTC());
  }

  /** A hub reading wall-clock time (token {@code exp}) from {@code wallClock}. */
  public SignalingHub(
      SignalingConfig config, Scheduler scheduler, MeterRegistry registry, Clock wallClock) {
    this.config = Objects.requireNonNull(config, "config");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    this.auth = config.authSecret() == null ? null : AuthTokens.forSecret(config.authSecret());
    this.rooms = new Rooms(config, scheduler, codec);
    this.metrics =
        new HubMetrics(registry, this::connectionCount, rooms::roomCount, rooms::sessionCount);
  }

  public SignalingConfig config() {
    return config;
  }

  /** The codec the hub encodes with; transports decode with it too. */
  public SignalingCodec codec() {
    return codec;
  }

  /** Open connections (readable from any thread). */
  public int connectionCount() {
    return connectionCount;
  }

  /** Rooms with at least one member (readable from any thread). */
  public int roomCount() {
    return rooms.roomCount();
  }

  /** Sessions in rooms, detached ones included (readable from any thread). */
  public int peerCount() {
    return rooms.sessionCount();
  }

  // ------------------------------------------------------------------ transport entry points

  /** A new connection is open. At the connection limit it gets {@code server-busy} and closes. */
  public void connected(SignalingConnection c) {
    run(c, () -> onConnected(c));
  }

  /** A client message arrived on {@code c} (already decoded). */
  public void received(SignalingConnection c, ClientMessage message) {
    run(c, () -> onMessage(c, message));
  }

  /** A frame arrived that the transport could not accept (bad JSON, too large, binary...). */
  public void refused(SignalingConnection c, SignalingException problem) {
    run(c, () -> onRefused(c, problem));
  }

  /** Decodes {@code text} on the caller's thread, then {@link #received} or {@link #refused}. */
  public void receivedText(SignalingConnection c, String text) {
    ClientMessage m;
    try {
      m = codec.decodeClient(text);
    } catch (SignalingException e) {
      refused(c, e);
      return;
    }
    received(c, m);
  }

  /** The connection closed; its session, if any, waits for a resume (or ends). */
  public void disconnected(SignalingConnection c) {
    run(c, () -> onDisconnected(c));
  }

  /**
   * Stops the hub: every client gets {@code shutdown} and is closed with status 1001; rooms and
   * sessions are dropped; later connections are refused the same way. Completes when every
   * connection is closed. Calling it again returns the same future.
   */
  public CompletableFuture<Void> shutdown(String reason) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    scheduler.execute(
        () -> {
          if (shutdown != null) {
            shutdown.whenComplete((v, e) -> done.complete(null));
            return;
          }
          shutdown = done;
          String json = codec.encode(new Shutdown(reason));
          List<CompletableFuture<Void>> closes = new ArrayList<>();
          for (Link l : links.values()) {
            closes.add(closeQuietly(l.connection, json, reason));
          }
          links.clear();
          connectionCount = 0;
          rooms.clear();
          CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new))
              .whenComplete((v, e) -> done.complete(null));
        });
    return done;
  }

  // ------------------------------------------------------------------ on the scheduler

  private void onConnected(SignalingConnection c) {
    if (shutdown != null) {
      closeQuietly(c, codec.encode(new Shutdown("server is stopping")), "server is stopping");
      return;
    }
    if (links.size() >= config.maxConnections()) {
      sendError(c, ErrorCode.SERVER_BUSY, "the server is at its connection limit", null);
      c.close(STATUS_TRY_AGAIN_LATER, "server busy");
      return;
    }
    links.put(
        c, new Link(c, new TokenBucket(scheduler, config.ratePerSecond(), config.rateBurst())));
    connectionCount = links.size();
  }

  private void onRefused(SignalingConnection c, SignalingException problem) {
    Link link = links.get(c);
    if (link == null) {
      return;
    }
    if (!link.bucket.tryTake()) {
      sendError(c, ErrorCode.RATE_LIMITED, "rate limit exceeded, message dropped", problem.ref());
      return;
    }
    sendError(c, problem.code(), problem.getMessage(), problem.ref());
  }

  private void onMessage(SignalingConnection c, ClientMessage m) {
    Link link = links.get(c);
    if (link == null) {
      return;
    }
    if (!link.bucket.tryTake()) {
      sendError(c, ErrorCode.RATE_LIMITED, "rate limit exceeded, message dropped", m.ref());
      return;
    }
    if (m instanceof Join j) {
      onJoin(link, j);
    } else if (m instanceof Resume r) {
      onResume(link, r);
    } else if (m instanceof Relay r) {
      onRelay(link, r);
    } else if (m instanceof Leave l) {
      onLeave(link, l);
    } else if (m instanceof Ping p) {
      send(c, new Pong(p.id()));
    }
  }

  private void onJoin(Link link, Join j) {
    SignalingConnection c = link.connection;
    if (link.session != null) {
      sendError(c, ErrorCode.ALREADY_JOINED, "already in room " + link.session.room.name, j.ref());
      return;
    }
    if (!Names.validRoom(j.room())) {
      sendError(c, ErrorCode.BAD_ROOM, "room names match ^[A-Za-z0-9_-]{1,64}$", j.ref());
      return;
    }
    String name = Names.displayName(j.name());
    if (name == null) {
      sendError(c, ErrorCode.BAD_NAME, "names are 1-64 characters without controls", j.ref());
      return;
    }
    if (auth != null) {
      AuthTokens.Result r = auth.verify(j.token(), j.room(), name, wallClock.instant());
      if (r != AuthTokens.Result.VALID) {
        String why = r.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        sendError(c, ErrorCode.UNAUTHORIZED, "token refused: " + why, j.ref());
        return;
      }
    }
    if (rooms.isFull(j.room())) {
      sendError(c, ErrorCode.ROOM_FULL, "room is full", j.ref());
      return;
    }
    Session s = rooms.join(link, j.room(), name);
    send(c, joined(s, false));
    rooms.announce(s);
  }

  private void onResume(Link link, Resume r) {
    SignalingConnection c = link.connection;
    if (link.session != null) {
      sendError(c, ErrorCode.ALREADY_JOINED, "already in room " + link.session.room.name, r.ref());
      return;
    }
    Session s = rooms.byResumeToken(r.resumeToken());
    if (s == null || s.ended) {
      sendError(c, ErrorCode.RESUME_FAILED, "unknown or expired resume token", r.ref());
      return;
    }
    rooms.resume(s, link);
    send(c, joined(s, true));
    rooms.flushQueue(s);
  }

  private void onRelay(Link link, Relay m) {
    Session s = link.session;
    if (s == null) {
      sendError(link.connection, ErrorCode.NOT_JOINED, "join a room first", m.ref());
      return;
    }
    String json = codec.encode(m.from(s.id));
    if (m instanceof AppMessage && m.to() == null) {
      int n = rooms.broadcast(s, json);
      for (int i = 0; i < n; i++) {
        metrics.relayed(m.type());
      }
      return;
    }
    Session target = rooms.peer(s, m.to());
    if (target == null) {
      sendError(link.connection, ErrorCode.UNKNOWN_PEER, "no such peer in your room", m.ref());
      return;
    }
    rooms.deliver(target, json);
    metrics.relayed(m.type());
  }

  private void onLeave(Link link, Leave l) {
    if (link.session == null) {
      sendError(link.connection, ErrorCode.NOT_JOINED, "not in a room", l.ref());
      return;
    }
    rooms.end(link.session, PeerLeft.LEFT);
  }

  private void onDisconnected(SignalingConnection c) {
    Link link = links.remove(c);
    if (link == null) {
      return;
    }
    connectionCount = links.size();
    Session s = link.session;
    if (s != null) {
      link.session = null;
      rooms.detach(s);
    }
  }

  // ------------------------------------------------------------------ helpers

  private Joined joined(Session s, boolean resumed) {
    List<PeerInfo> peers = new ArrayList<>();
    for (Session m : rooms.others(s)) {
      peers.add(new PeerInfo(m.id, m.name));
    }
    List<IceServer> ice = config.iceServers().forHost(s.link.connection.requestHost());
    return new Joined(
        s.id, s.room.name, s.name, peers, ice == null ? List.of() : ice, s.resumeToken, resumed);
  }

  private void send(SignalingConnection c, ServerMessage m) {
    c.send(codec.encode(m));
  }

  private void sendError(SignalingConnection c, ErrorCode code, String message, JsonNode ref) {
    metrics.error(code);
    send(c, new ErrorMessage(code.wire(), message, ref));
  }

  private CompletableFuture<Void> closeQuietly(SignalingConnection c, String json, String reason) {
    try {
      c.send(json);
      return c.close(STATUS_GOING_AWAY, reason).exceptionally(e -> null);
    } catch (RuntimeException e) {
      log.warn("closing {} failed", c.remoteHost(), e);
      return CompletableFuture.completedFuture(null);
    }
  }

  /** Runs {@code task} on the scheduler; a bug in it is logged and answered with internal. */
  private void run(SignalingConnection c, Runnable task) {
    scheduler.execute(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.warn("internal error handling a message from {}", c.remoteHost(), e);
            try {
              sendError(c, ErrorCode.INTERNAL, "internal server error", null);
            } catch (RuntimeException again) {
              log.warn("could not report the internal error to {}", c.remoteHost(), again);
            }
          }
        });
  }
}
