package dev.squall.signal.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.squall.signal.message.Answer;
import dev.squall.signal.message.AppMessage;
import dev.squall.signal.message.Candidate;
import dev.squall.signal.message.ClientMessage;
import dev.squall.signal.message.ErrorMessage;
import dev.squall.signal.message.IceCandidate;
import dev.squall.signal.message.Join;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.Leave;
import dev.squall.signal.message.Offer;
import dev.squall.signal.message.PeerJoined;
import dev.squall.signal.message.PeerLeft;
import dev.squall.signal.message.Ping;
import dev.squall.signal.message.Pong;
import dev.squall.signal.message.Relayed;
import dev.squall.signal.message.Resume;
import dev.squall.signal.message.ServerMessage;
import dev.squall.signal.message.Shutdown;
import dev.squall.signal.message.SignalingCodec;
import dev.squall.signal.message.SignalingException;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java client of the Squall signaling protocol (docs/signaling.md) over a Netty WebSocket, {@code
 * ws://} or {@code wss://}.
 *
 * <pre>{@code
 * SignalingClient c = SignalingClient.connect(URI.create("ws://localhost:8080/ws")).join();
 * c.addListener(new SignalingListener() { public void onRelayed(Relayed m) { ... } });
 * Joined j = c.join("demo", "Ada", null).join();
 * c.offer(j.peers().get(0).id(), sdp);
 * }</pre>
 *
 * <p>Methods may be called from any thread. Sends are fire-and-forget: a refusal (e.g. {@code
 * unknown-peer}) arrives at {@link SignalingListener#onError}. {@link #join}, {@link #resume} and
 * {@link #ping} return futures. All state and every listener call live on one event loop, so
 * listeners see events in the server's order. With {@link SignalingClientBuilder#autoResume} a
 * dropped connection is re-established and the session resumed transparently.
 */
public final class SignalingClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SignalingClient.class);

  private final SignalingCodec codec = new SignalingCodec();
  private final List<SignalingListener> listeners = new CopyOnWriteArrayList<>();
  private final ClientConnector connector;
  private final EventLoop loop;
  private final EventLoopGroup ownGroup;
  private final boolean autoResume;
  private final Duration reconnectWindow;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  // the fields below are touched only on `loop`
  private Channel channel;
  private Joined session;
  private final PendingRequests pending = new PendingRequests();
  private boolean closing;
  private boolean reconnecting;
  private boolean shutdownSeen;
  private int closeStatus = 1006;
  private String closeReason = "connection lost";

  private SignalingClient(SignalingClientBuilder b, EventLoop loop, EventLoopGroup ownGroup)
      throws IOException {
    this.loop = loop;
    this.ownGroup = ownGroup;
    this.autoResume = b.autoResume;
    this.reconnectWindow = b.reconnectWindow;
    this.listeners.addAll(b.listeners);
    this.connector =
        new ClientConnector(b.uri, b.sslContext(), loop, b.maxFrameBytes, b.connectTimeout);
  }

  /** Connects with default options. */
  public static CompletableFuture<SignalingClient> connect(URI uri) {
    return builder(uri).connect();
  }

  /** Options for a connection to {@code uri} ({@code ws://host:port/ws} or {@code wss://…}). */
  public static SignalingClientBuilder builder(URI uri) {
    return new SignalingClientBuilder(uri);
  }

  static CompletableFuture<SignalingClient> open(SignalingClientBuilder b) {
    EventLoopGroup own =
        b.group == null ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) : null;
    EventLoop loop = (b.group == null ? own : b.group).next();
    SignalingClient client;
    try {
      client = new SignalingClient(b, loop, own);
    } catch (IOException | RuntimeException e) {
      if (own != null) {
        own.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      }
      return CompletableFuture.failedFuture(e);
    }
    return client
        .connector
        .open(client.sink())
        .thenApplyAsync(
            ch -> {
              client.channel = ch;
              return client;
            },
            loop)
        .whenComplete(
            (c, e) -> {
              if (e != null) {
                client.release();
              }
            });
  }

  /** Adds a listener; it sees events from now on. */
  public void addListener(SignalingListener listener) {
    listeners.add(listener);
  }

  public void removeListener(SignalingListener listener) {
    listeners.remove(listener);
  }

  /** Joins {@code room} as {@code name}; {@code token} is needed when the server has auth on. */
  public CompletableFuture<Joined> join(String room, String name, String token) {
    return request(ref -> new Join(room, name, token, ref));
  }

  /** Re-attaches to a session with the {@code resumeToken} of its last {@code joined}. */
  public CompletableFuture<Joined> resume(String resumeToken) {
    return request(ref -> new Resume(resumeToken, ref));
  }

  /** Relays an SDP offer to peer {@code to}. */
  public void offer(String to, String sdp) {
    send(new Offer(to, sdp));
  }

  /** Relays an SDP answer to peer {@code to}. */
  public void answer(String to, String sdp) {
    send(new Answer(to, sdp));
  }

  /** Relays an ICE candidate to peer {@code to}; null means end-of-candidates. */
  public void candidate(String to, IceCandidate candidate) {
    send(new Candidate(to, candidate));
  }

  /** Relays any JSON value to peer {@code to}, or to every other member when {@code to} is null. */
  public void message(String to, JsonNode data) {
    send(new AppMessage(to, data));
  }

  /** Leaves the room; the connection stays open for another {@link #join}. */
  public void leave() {
    onLoop(
        () -> {
          session = null;
          write(new Leave());
        });
  }

  /** Sends {@code ping}; completes with the round-trip time when the {@code pong} arrives. */
  public CompletableFuture<Duration> ping() {
    CompletableFuture<Duration> f = new CompletableFuture<>();
    boolean queued =
        onLoop(
            () -> {
              if (notConnected(f)) {
                return;
              }
              write(new Ping(pending.startPing(f)));
            });
    if (!queued) {
      f.completeExceptionally(new IOException("client is closed"));
    }
    return f;
  }

  /** Sends any client message as is. */
  public void send(ClientMessage message) {
    onLoop(() -> write(message));
  }

  /** The last {@code joined} (updated on resume), or null when not in a room. */
  public CompletableFuture<Joined> session() {
    CompletableFuture<Joined> f = new CompletableFuture<>();
    if (!onLoop(() -> f.complete(session))) {
      f.complete(null);
    }
    return f;
  }

  /** Closes the WebSocket (status 1000) for good; completes when closed. */
  @Override
  public void close() {
    closeAsync().join();
  }

  /** Closes the WebSocket (status 1000) for good. */
  public CompletableFuture<Void> closeAsync() {
    if (closed.isDone()) {
      return closed;
    }
    boolean queued =
        onLoop(
            () -> {
              closing = true;
              closeStatus = 1000;
              closeReason = "closed by client";
              if (channel != null && channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame(1000, "bye"));
                loop.schedule(
                    () -> {
                      channel.close();
                    },
                    2,
                    TimeUnit.SECONDS);
              } else {
                finish();
              }
            });
    if (!queued) {
      closed.complete(null); // the loop is gone: nothing is left to close
    }
    return closed;
  }

  /** Completes when the client is closed for good. */
  public CompletableFuture<Void> closeFuture() {
    return closed;
  }

  /**
   * Drops the TCP connection without a WebSocket close, as a network failure would (for tests and
   * failover drills). With automatic resume on, the client then reconnects.
   */
  public void abort() {
    onLoop(
        () -> {
          if (channel != null) {
            channel.close();
          }
        });
  }

  // ------------------------------------------------------------------ on the loop

  /** Runs {@code task} on the loop; once the client is closed, does nothing. */
  private boolean onLoop(Runnable task) {
    try {
      loop.execute(task);
      return true;
    } catch (java.util.concurrent.RejectedExecutionException e) {
      log.debug("client is closed");
      return false;
    }
  }

  private interface RequestFactory {
    ClientMessage build(JsonNode ref);
  }

  private CompletableFuture<Joined> request(RequestFactory factory) {
    CompletableFuture<Joined> f = new CompletableFuture<>();
    boolean queued =
        onLoop(
            () -> {
              if (notConnected(f)) {
                return;
              }
              JsonNode ref = pending.startJoin(f);
              if (ref != null) {
                write(factory.build(ref));
              }
            });
    if (!queued) {
      f.completeExceptionally(new IOException("client is closed"));
    }
    return f;
  }

  private boolean notConnected(CompletableFuture<?> f) {
    if (channel != null && channel.isActive()) {
      return false;
    }
    f.completeExceptionally(new IOException("not connected"));
    return true;
  }

  private void write(ClientMessage m) {
    if (channel == null || !channel.isActive()) {
      log.debug("dropping {}: not connected", m.type());
      return;
    }
    channel.writeAndFlush(new TextWebSocketFrame(codec.encode(m)));
  }

  private ClientChannelHandler.Sink sink() {
    return new ClientChannelHandler.Sink() {
      @Override
      public void onText(Channel ch, String text) {
        if (ch == channel) {
          dispatch(text);
        }
      }

      @Override
      public void onCloseFrame(Channel ch, int status, String reason) {
        if (ch == channel) {
          closeStatus = status;
          closeReason = reason;
        }
      }

      @Override
      public void onInactive(Channel ch) {
        if (ch == channel) {
          onChannelClosed();
        }
      }
    };
  }

  private void dispatch(String text) {
    ServerMessage m;
    try {
      m = codec.decodeServer(text);
    } catch (SignalingException e) {
      log.debug("ignoring a server frame: {}", e.getMessage());
      return;
    }
    if (m instanceof Joined j) {
      session = j;
      pending.joined(j);
    } else if (m instanceof ErrorMessage e) {
      if (!pending.error(e)) {
        emit(l -> l.onError(e));
      }
    } else if (m instanceof PeerJoined p) {
      emit(l -> l.onPeerJoined(p.peer()));
    } else if (m instanceof PeerLeft p) {
      emit(l -> l.onPeerLeft(p));
    } else if (m instanceof Relayed r) {
      emit(l -> l.onRelayed(r));
    } else if (m instanceof Pong p) {
      pending.pong(p);
    } else if (m instanceof Shutdown s) {
      shutdownSeen = true;
      emit(l -> l.onShutdown(s.reason()));
    }
  }

  private void onChannelClosed() {
    channel = null;
    pending.failAll(new IOException("connection closed"));
    if (reconnecting) {
      return; // the Reconnector retries
    }
    boolean reconnect = autoResume && !closing && !shutdownSeen && session != null;
    emit(l -> l.onDisconnected(reconnect));
    if (reconnect) {
      reconnecting = true;
      new Reconnector(this, session.resumeToken(), reconnectWindow).start();
    } else {
      finish();
    }
  }

  /**
   * For the {@link Reconnector}, on the loop: a new connection that resumes {@code token}; null
   * once the client is being closed (then it is finished here).
   */
  CompletableFuture<Joined> reattach(String token) {
    if (closing) {
      reconnecting = false;
      finish();
      return null;
    }
    return connector
        .open(sink())
        .thenComposeAsync(
            ch -> {
              channel = ch;
              return resume(token);
            },
            loop);
  }

  void resumed(Joined j) {
    reconnecting = false;
    emit(l -> l.onResumed(j));
  }

  void resumeFailed(Throwable cause, boolean fatal) {
    reconnecting = false;
    session = null;
    emit(l -> l.onResumeFailed(cause));
    if (fatal) {
      finish();
    }
  }

  EventLoop loop() {
    return loop;
  }

  private void finish() {
    if (closed.isDone()) {
      return;
    }
    int status = closeStatus;
    String reason = closeReason;
    emit(l -> l.onClose(status, reason));
    release();
    closed.complete(null);
  }

  private void release() {
    if (ownGroup != null) {
      ownGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
  }

  private void emit(java.util.function.Consumer<SignalingListener> event) {
    for (SignalingListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        log.warn("a signaling listener failed", e);
      }
    }
  }
}
