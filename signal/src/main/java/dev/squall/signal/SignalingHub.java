package dev.squall.signal;

import dev.squall.signal.internal.HubMetrics;
import dev.squall.signal.internal.Ids;
import dev.squall.signal.internal.Link;
import dev.squall.signal.internal.RelayDecoder;
import dev.squall.signal.internal.RelayFrame;
import dev.squall.signal.internal.RequestHandler;
import dev.squall.signal.internal.Rooms;
import dev.squall.signal.internal.Shard;
import dev.squall.signal.internal.TokenBucket;
import dev.squall.signal.message.ClientMessage;
import dev.squall.signal.message.ErrorCode;
import dev.squall.signal.message.Join;
import dev.squall.signal.message.Resume;
import dev.squall.signal.message.Shutdown;
import dev.squall.signal.message.SignalingCodec;
import dev.squall.signal.message.SignalingException;
import dev.squall.util.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport-independent signaling server of docs/signaling.md: rooms, sessions, relay, resume
 * with a grace period and a bounded queue, auth, a per-connection token-bucket rate limit,
 * validation and error codes.
 *
 * <p>The hub is split into shards, one per serial {@link Scheduler} given here (in the server: one
 * per Netty I/O event loop). A room lives on the shard its name hashes to, with all its sessions,
 * so rooms need no locks and are served in parallel; each shard is serial and lock-free inside.
 *
 * <p>Transports report each connection's life with {@link #connected}, {@link #received} (or {@link
 * #receivedText}, {@link #receivedUtf8}, {@link #refused} for a frame they could not accept) and
 * {@link #disconnected}, in order per connection, always from the same thread. When that thread is
 * one of the shards' schedulers (a connection's own event loop), it is the connection's home and
 * the calls run there without a hand-off; from any other thread they go to the first shard. Each
 * event is then handled, in order, on the shard that owns the connection: its home until it joins,
 * then its room's shard. A {@code join} or {@code resume} is a barrier: later events of that
 * connection wait until it is done, so nothing overtakes it on the way to the other shard. Answers
 * go back through {@link SignalingConnection#send}, from the owning shard. Nothing a client sends
 * makes these methods throw; a bug while handling a message is logged and answered with {@code
 * internal}.
 */
public final class SignalingHub {

  /** WebSocket status for connections refused at the connection limit (Try Again Later). */
  public static final int STATUS_TRY_AGAIN_LATER = 1013;

  /** WebSocket status sent on shutdown (Going Away). */
  public static final int STATUS_GOING_AWAY = 1001;

  private static final Logger log = LoggerFactory.getLogger(SignalingHub.class);

  private final SignalingConfig config;
  private final SignalingCodec codec = new SignalingCodec();
  private final RelayDecoder relayDecoder = new RelayDecoder(codec.jsonFactory());
  private final Shard[] shards;
  private final RequestHandler handler;
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicReference<CompletableFuture<Void>> shutdown = new AtomicReference<>();

  /** A hub with one shard, whose auth tokens are checked against the system's wall clock. */
  public SignalingHub(SignalingConfig config, Scheduler scheduler, MeterRegistry registry) {
    this(config, List.of(scheduler), registry, Clock.systemUTC());
  }

  /** A hub with one shard reading wall-clock time (token {@code exp}) from {@code wallClock}. */
  public SignalingHub(
      SignalingConfig config, Scheduler scheduler, MeterRegistry registry, Clock wallClock) {
    this(config, List.of(scheduler), registry, wallClock);
  }

  /** A hub with one shard per scheduler (at most 64), checking tokens against system time. */
  public SignalingHub(
      SignalingConfig config, List<? extends Scheduler> shards, MeterRegistry registry) {
    this(config, shards, registry, Clock.systemUTC());
  }

  /**
   * A hub with one shard per scheduler (at most 64) reading wall-clock time from {@code wallClock}.
   */
  public SignalingHub(
      SignalingConfig config,
      List<? extends Scheduler> shards,
      MeterRegistry registry,
      Clock wallClock) {
    this.config = Objects.requireNonNull(config, "config");
    Objects.requireNonNull(wallClock, "wallClock");
    if (shards.isEmpty() || shards.size() > Ids.MAX_SHARDS) {
      throw new IllegalArgumentException(
          "1 to " + Ids.MAX_SHARDS + " shards, got " + shards.size());
    }
    this.shards = new Shard[shards.size()];
    for (int i = 0; i < this.shards.length; i++) {
      Scheduler s = Objects.requireNonNull(shards.get(i), "scheduler");
      this.shards[i] = new Shard(i, s, new Rooms(config, s, codec, i));
    }
    AuthTokens auth =
        config.authSecret() == null ? null : AuthTokens.forSecret(config.authSecret());
    HubMetrics metrics =
        new HubMetrics(registry, this::connectionCount, this::roomCount, this::peerCount);
    this.handler = new RequestHandler(config, codec, auth, wallClock, metrics, new Routing());
  }

  public SignalingConfig config() {
    return config;
  }

  /** The codec the hub encodes with; transports decode with it too. */
  public SignalingCodec codec() {
    return codec;
  }

  /** How many shards the hub has. */
  public int shardCount() {
    return shards.length;
  }

  /** The index of the shard that holds {@code room} (a stable hash of its name). */
  public int shardOf(String room) {
    int h = room.hashCode();
    return Math.floorMod(h ^ (h >>> 16), shards.length);
  }

  /** Open connections (readable from any thread). */
  public int connectionCount() {
    return open.get();
  }

  /** Rooms with at least one member (readable from any thread). */
  public int roomCount() {
    int n = 0;
    for (Shard s : shards) {
      n += s.rooms.roomCount();
    }
    return n;
  }

  /** Sessions in rooms, detached ones included (readable from any thread). */
  public int peerCount() {
    int n = 0;
    for (Shard s : shards) {
      n += s.rooms.sessionCount();
    }
    return n;
  }

  // ------------------------------------------------------------------ transport entry points

  /** A new connection is open. At the connection limit it gets {@code server-busy} and closes. */
  public void connected(SignalingConnection c) {
    Shard home = callerShard();
    if (home == null) {
      shards[0].scheduler.execute(() -> connect(shards[0], c));
    } else {
      connect(home, c);
    }
  }

  /** A client message arrived on {@code c} (already decoded). */
  public void received(SignalingConnection c, ClientMessage message) {
    boolean barrier = message instanceof Join || message instanceof Resume;
    atHome(c, l -> dispatch(l, owner -> handler.message(owner, l, message), barrier));
  }

  /** A frame arrived that the transport could not accept (bad JSON, too large, binary...). */
  public void refused(SignalingConnection c, SignalingException problem) {
    atHome(c, l -> dispatch(l, owner -> handler.refused(l, problem), false));
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

  /**
   * A text frame of UTF-8 JSON in {@code utf8[offset, offset + length)}, which the caller may reuse
   * once this returns. Relays are read on the caller's thread without building a tree and forwarded
   * with their payload bytes as sent; anything else goes through {@link #receivedText}.
   */
  public void receivedUtf8(SignalingConnection c, byte[] utf8, int offset, int length) {
    RelayFrame f = relayDecoder.decode(utf8, offset, length);
    if (f == null) {
      receivedText(c, new String(utf8, offset, length, StandardCharsets.UTF_8));
      return;
    }
    atHome(c, l -> dispatch(l, owner -> handler.frame(owner, l, f), false));
  }

  /** The connection closed; its session, if any, waits for a resume (or ends). */
  public void disconnected(SignalingConnection c) {
    Shard home = callerShard();
    if (home == null) {
      shards[0].scheduler.execute(() -> disconnect(shards[0], c));
    } else {
      disconnect(home, c);
    }
  }

  /**
   * Stops the hub: every client gets {@code shutdown} and is closed with status 1001; rooms and
   * sessions are dropped; later connections are refused the same way. Completes when every
   * connection is closed. Calling it again returns the same future.
   */
  public CompletableFuture<Void> shutdown(String reason) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!shutdown.compareAndSet(null, done)) {
      return shutdown.get();
    }
    String json = codec.encode(new Shutdown(reason));
    List<CompletableFuture<Void>> shardsDone = new ArrayList<>();
    for (Shard s : shards) {
      CompletableFuture<Void> shardDone = new CompletableFuture<>();
      shardsDone.add(shardDone);
      s.scheduler.execute(
          () -> {
            List<CompletableFuture<Void>> closes = new ArrayList<>();
            for (Link l : s.links.values()) {
              closes.add(closeQuietly(l.connection, json, reason));
            }
            open.addAndGet(-s.links.size());
            s.links.clear();
            s.rooms.clear();
            CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new))
                .whenComplete((v, e) -> shardDone.complete(null));
          });
    }
    CompletableFuture.allOf(shardsDone.toArray(CompletableFuture[]::new))
        .whenComplete((v, e) -> done.complete(null));
    return done;
  }

  // ------------------------------------------------------------------ on the home shard

  private void connect(Shard home, SignalingConnection c) {
    if (shutdown.get() != null) {
      closeQuietly(c, codec.encode(new Shutdown("server is stopping")), "server is stopping");
      return;
    }
    if (open.incrementAndGet() > config.maxConnections()) {
      open.decrementAndGet();
      handler.sendError(c, ErrorCode.SERVER_BUSY, "the server is at its connection limit", null);
      c.close(STATUS_TRY_AGAIN_LATER, "server busy");
      return;
    }
    TokenBucket bucket =
        new TokenBucket(home.scheduler, config.ratePerSecond(), config.rateBurst());
    home.links.put(c, new Link(c, home, bucket));
  }

  private void disconnect(Shard home, SignalingConnection c) {
    Link l = home.links.remove(c);
    if (l != null) {
      open.decrementAndGet();
      dispatch(l, owner -> handler.disconnected(owner, l), false);
    }
  }

  /** Runs {@code body} with {@code c}'s link on its home shard; nothing when it has none. */
  private void atHome(SignalingConnection c, java.util.function.Consumer<Link> body) {
    Shard home = callerShard();
    if (home == null) {
      Shard first = shards[0];
      first.scheduler.execute(
          () -> {
            Link l = first.links.get(c);
            if (l != null) {
              body.accept(l);
            }
          });
      return;
    }
    Link l = home.links.get(c);
    if (l != null) {
      body.accept(l);
    }
  }

  /** The shard whose scheduler the caller runs on, or null. */
  private Shard callerShard() {
    for (Shard s : shards) {
      if (s.scheduler.inScheduler()) {
        return s;
      }
    }
    return null;
  }

  /** An event for a link, handled on the shard that owns the link when it runs. */
  private interface OwnerTask {
    void run(Shard owner);
  }

  /** On the home shard: sends {@code task} to the owner, or holds it behind a barrier. */
  private void dispatch(Link l, OwnerTask task, boolean barrier) {
    if (l.pending) {
      if (l.held == null) {
        l.held = new java.util.ArrayDeque<>();
      }
      Runnable r = () -> submit(l, task);
      l.held.add(barrier ? new Link.Barrier(r) : r);
      return;
    }
    if (barrier) {
      l.pending = true;
    }
    submit(l, task);
  }

  private void submit(Link l, OwnerTask task) {
    Shard owner = l.route;
    runGuarded(owner, l, () -> task.run(owner));
  }

  private void runGuarded(Shard shard, Link l, Runnable task) {
    if (shard.scheduler.inScheduler()) {
      guarded(l, task);
    } else {
      shard.scheduler.execute(() -> guarded(l, task));
    }
  }

  /** Runs {@code task}; a bug in it is logged and answered with internal. */
  private void guarded(Link l, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      SignalingConnection c = l.connection;
      log.warn("internal error handling a message from {}", c.remoteHost(), e);
      try {
        handler.sendError(c, ErrorCode.INTERNAL, "internal server error", null);
      } catch (RuntimeException again) {
        log.warn("could not report the internal error to {}", c.remoteHost(), again);
      }
    }
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

  /** How the request handler moves links between shards. */
  private final class Routing implements RequestHandler.Router {

    @Override
    public void release(Link link, Shard owner) {
      link.home.run(
          () -> {
            link.route = owner;
            link.pending = false;
            while (!link.pending && link.held != null && !link.held.isEmpty()) {
              Runnable r = link.held.poll();
              if (r instanceof Link.Barrier) {
                link.pending = true;
              }
              r.run();
            }
          });
    }

    @Override
    public Shard shardFor(String room) {
      return shards[shardOf(room)];
    }

    @Override
    public Shard shardOfToken(String resumeToken) {
      int i = Ids.shardOf(resumeToken);
      return i >= 0 && i < shards.length ? shards[i] : null;
    }

    @Override
    public void runGuarded(Shard shard, Link link, Runnable task) {
      SignalingHub.this.runGuarded(shard, link, task);
    }
  }
}
