package dev.squall.peer;

import dev.squall.sdp.SdpParseException;
import dev.squall.signal.IceServer;
import dev.squall.signal.client.SignalingClient;
import dev.squall.signal.client.SignalingListener;
import dev.squall.signal.message.IceCandidate;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.PeerInfo;
import dev.squall.signal.message.PeerLeft;
import dev.squall.signal.message.Relayed;
import dev.squall.signal.message.RelayedAnswer;
import dev.squall.signal.message.RelayedCandidate;
import dev.squall.signal.message.RelayedOffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full mesh in one Squall room (docs/signaling.md, docs/app-protocol.md): one {@link
 * PeerConnection} per other member. As the newcomer we create a connection to every member listed
 * in {@code joined} and offer first; a member that arrives later offers to us and we answer.
 * Candidates are trickled both ways; a member that leaves has its connection closed.
 *
 * <p>Per remote member, every step (create, describe, add candidate) runs in arrival order on a
 * chain of futures, so a candidate that arrives while the connection is still being created waits
 * for it. {@link Handler} callbacks run on the connection's scheduler or the signaling client's
 * thread: do not block in them.
 */
public final class RoomPeers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RoomPeers.class);

  /** What the owner of a mesh is told. */
  public interface Handler {
    /**
     * A connection to {@code peer} was created. When {@code offerer} is true we are the newcomer
     * and the handler should create the DataChannels now (they go into our offer).
     */
    void onConnection(PeerInfo peer, PeerConnection pc, boolean offerer);

    /** {@code peerId} left the room; its connection is closed. */
    default void onPeerLeft(String peerId) {}
  }

  /** Creates each new (unconnected) connection, given the ICE servers the room handed out. */
  @FunctionalInterface
  public interface ConnectionFactory {
    /**
     * @param iceServers the {@code iceServers} of {@code joined}; see {@link
     *     PeerConfiguration#withIceServers}
     */
    CompletableFuture<PeerConnection> create(List<IceServer> iceServers);
  }

  private final SignalingClient client;
  private final ConnectionFactory factory;
  private final CompletableFuture<List<IceServer>> iceServers = new CompletableFuture<>();
  private final Handler handler;
  private final Map<String, Remote> remotes = new ConcurrentHashMap<>();
  private final Map<String, PeerInfo> known = new ConcurrentHashMap<>();

  private RoomPeers(SignalingClient client, ConnectionFactory factory, Handler handler) {
    this.client = client;
    this.factory = factory;
    this.handler = handler;
  }

  /**
   * Joins {@code room} and starts the mesh; completes with the mesh once joined. The factory's
   * connections do not see the room's ICE servers: prefer the {@link ConnectionFactory} variant.
   *
   * @param factory creates each new (unconnected) connection
   * @param token the join token, or null
   */
  public static CompletableFuture<RoomPeers> join(
      SignalingClient client,
      String room,
      String name,
      String token,
      Supplier<CompletableFuture<PeerConnection>> factory,
      Handler handler) {
    Objects.requireNonNull(factory, "factory");
    return join(client, room, name, token, servers -> factory.get(), handler);
  }

  /**
   * Joins {@code room} and starts the mesh; completes with the mesh once joined. Each connection is
   * created by {@code factory} with the ICE servers of {@code joined}, e.g. {@code
   * config.withIceServers(servers)} (STUN and TURN, see {@link IceServers}). The factory is called
   * on the signaling client's I/O thread: resolve host names elsewhere.
   *
   * @param token the join token, or null
   */
  public static CompletableFuture<RoomPeers> join(
      SignalingClient client,
      String room,
      String name,
      String token,
      ConnectionFactory factory,
      Handler handler) {
    RoomPeers mesh =
        new RoomPeers(Objects.requireNonNull(client), Objects.requireNonNull(factory), handler);
    client.addListener(mesh.new Listener());
    return client.join(room, name, token).thenApply(mesh::joined);
  }

  /** The connections, by remote peer id (those still being created are missing). */
  public Map<String, PeerConnection> connections() {
    Map<String, PeerConnection> out = new ConcurrentHashMap<>();
    remotes.forEach(
        (id, r) -> {
          if (r.pc.isDone() && !r.pc.isCompletedExceptionally()) {
            out.put(id, r.pc.join());
          }
        });
    return out;
  }

  /** Leaves the room and closes every connection (the client stays open). */
  @Override
  public void close() {
    client.leave();
    remotes.values().forEach(Remote::close);
    remotes.clear();
  }

  private RoomPeers joined(Joined joined) {
    iceServers.complete(joined.iceServers());
    for (PeerInfo p : joined.peers()) {
      known.put(p.id(), p);
      Remote r = remote(p.id(), true);
      r.then(
          pc ->
              pc.createOffer()
                  .thenCompose(
                      offer -> {
                        client.offer(p.id(), offer.sdpText());
                        return pc.setLocalDescription(offer);
                      }));
    }
    return this;
  }

  private Remote remote(String id, boolean offerer) {
    return remotes.computeIfAbsent(id, k -> new Remote(k, offerer));
  }

  private void onOffer(RelayedOffer offer) {
    Remote r = remote(offer.from(), false);
    r.then(
        pc ->
            parsed(Description.Type.OFFER, offer.sdp())
                .thenCompose(pc::setRemoteDescription)
                .thenCompose(v -> pc.createAnswer())
                .thenCompose(
                    answer -> {
                      client.answer(offer.from(), answer.sdpText());
                      return pc.setLocalDescription(answer);
                    }));
  }

  private void onAnswer(RelayedAnswer answer) {
    Remote r = remotes.get(answer.from());
    if (r != null) {
      r.then(
          pc ->
              parsed(Description.Type.ANSWER, answer.sdp()).thenCompose(pc::setRemoteDescription));
    }
  }

  private void onCandidate(RelayedCandidate relayed) {
    Remote r = remotes.get(relayed.from());
    if (r == null) {
      return;
    }
    IceCandidate c = relayed.candidate();
    IceCandidateInit init =
        c == null
            ? IceCandidateInit.endOfCandidates(null, null, null)
            : new IceCandidateInit(
                c.candidate(), c.sdpMid(), c.sdpMLineIndex(), c.usernameFragment());
    r.then(pc -> pc.addIceCandidate(init));
  }

  private static CompletableFuture<Description> parsed(Description.Type type, String sdp) {
    try {
      return CompletableFuture.completedFuture(Description.parse(type, sdp));
    } catch (SdpParseException e) {
      return CompletableFuture.failedFuture(
          new PeerException("the remote " + type.jsonName() + " is not valid SDP", e));
    }
  }

  /** One remote member: its connection and the chain of steps applied to it. */
  private final class Remote {
    final String id;
    final CompletableFuture<PeerConnection> pc;
    private final AtomicReference<CompletableFuture<?>> chain;

    Remote(String id, boolean offerer) {
      this.id = id;
      this.pc =
          iceServers
              .thenCompose(factory::create)
              .thenApply(
                  c -> {
                    c.onIceCandidate(this::sendCandidate);
                    PeerInfo info = known.getOrDefault(id, new PeerInfo(id, ""));
                    handler.onConnection(info, c, offerer);
                    return c;
                  });
      this.chain = new AtomicReference<>(pc);
    }

    /**
     * Runs {@code step} after every earlier step; a failed step is logged, later ones still run.
     */
    void then(Function<PeerConnection, CompletableFuture<?>> step) {
      CompletableFuture<Object> next = new CompletableFuture<>();
      CompletableFuture<?> previous = chain.getAndSet(next);
      previous
          .handle((v, e) -> null)
          .thenCompose(v -> pc)
          .thenCompose(step::apply)
          .whenComplete(
              (v, e) -> {
                if (e != null) {
                  LOG.warn("signaling step with {} failed: {}", id, e.getMessage());
                }
                next.complete(null);
              });
    }

    void sendCandidate(IceCandidateInit c) {
      client.candidate(
          id,
          c.isEndOfCandidates()
              ? null
              : new IceCandidate(
                  c.candidate(), c.sdpMid(), c.sdpMLineIndex(), c.usernameFragment()));
    }

    void close() {
      pc.thenAccept(PeerConnection::close);
    }
  }

  /** The client's events, on its I/O thread (one at a time, in the server's order). */
  private final class Listener implements SignalingListener {
    @Override
    public void onPeerJoined(PeerInfo peer) {
      known.put(peer.id(), peer);
    }

    @Override
    public void onPeerLeft(PeerLeft event) {
      Remote r = remotes.remove(event.id());
      known.remove(event.id());
      if (r != null) {
        r.close();
        if (handler != null) {
          handler.onPeerLeft(event.id());
        }
      }
    }

    @Override
    public void onRelayed(Relayed message) {
      if (message instanceof RelayedOffer offer) {
        onOffer(offer);
      } else if (message instanceof RelayedAnswer answer) {
        onAnswer(answer);
      } else if (message instanceof RelayedCandidate candidate) {
        onCandidate(candidate);
      }
    }
  }
}
