package dev.squall.peer;

import dev.squall.sdp.SdpParseException;
import dev.squall.signal.client.SignalingClient;
import dev.squall.signal.client.SignalingListener;
import dev.squall.signal.message.IceCandidate;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.Relayed;
import dev.squall.signal.message.RelayedAnswer;
import dev.squall.signal.message.RelayedCandidate;
import dev.squall.signal.message.RelayedOffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link PeerConnection}'s offer/answer/candidate exchange with one other member of a
 * Squall room (docs/signaling.md): the newcomer, who finds members already in the room, offers to
 * the first of them; a member already there waits for the first offer and answers it. Offers,
 * answers and candidates from anyone else are ignored. Each description is sent before it is set
 * locally, so it always reaches the peer before the candidates that follow it.
 *
 * <pre>{@code
 * SignalingClient client = SignalingClient.connect(URI.create("ws://host:8080/ws")).get();
 * SignalingPeer peer = SignalingPeer.join(client, "room", "java", null, pc).get();
 * pc.connected().get();
 * }</pre>
 *
 * <p>The client's listener runs on its I/O thread and only hands work to the connection, whose
 * futures complete on its scheduler. {@link #failure()} completes when the exchange breaks (a
 * description the connection refused, for instance).
 */
public final class SignalingPeer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SignalingPeer.class);

  private final SignalingClient client;
  private final PeerConnection pc;
  private final CompletableFuture<String> remotePeer = new CompletableFuture<>();
  private final CompletableFuture<Throwable> failure = new CompletableFuture<>();

  private SignalingPeer(SignalingClient client, PeerConnection pc) {
    this.client = client;
    this.pc = pc;
  }

  /**
   * Joins {@code room} and starts the exchange for {@code pc}; completes once joined.
   *
   * @param token the join token, or null when the server has no auth secret
   */
  public static CompletableFuture<SignalingPeer> join(
      SignalingClient client, String room, String name, String token, PeerConnection pc) {
    SignalingPeer peer =
        new SignalingPeer(Objects.requireNonNull(client), Objects.requireNonNull(pc));
    pc.onIceCandidate(peer::sendCandidate);
    client.addListener(peer.new Listener());
    return client.join(room, name, token).thenApply(joined -> peer.joined(joined));
  }

  /** The id of the peer we negotiate with, once known. */
  public CompletableFuture<String> remotePeer() {
    return remotePeer;
  }

  /** Completes with the cause when the exchange fails. */
  public CompletableFuture<Throwable> failure() {
    return failure;
  }

  public PeerConnection connection() {
    return pc;
  }

  /** Leaves the room and closes the connection (the client stays open). */
  @Override
  public void close() {
    client.leave();
    pc.close();
  }

  private SignalingPeer joined(Joined joined) {
    if (!joined.peers().isEmpty()) {
      String to = joined.peers().get(0).id();
      remotePeer.complete(to);
      pc.createOffer()
          .thenCompose(
              offer -> {
                client.offer(to, offer.sdpText());
                return pc.setLocalDescription(offer);
              })
          .whenComplete(this::checked);
    }
    return this;
  }

  private void onOffer(RelayedOffer offer) {
    if (!remotePeer.complete(offer.from()) && !remotePeer.join().equals(offer.from())) {
      LOG.debug("offer from {} ignored: negotiating with {}", offer.from(), remotePeer.join());
      return;
    }
    parsed(Description.Type.OFFER, offer.sdp())
        .thenCompose(pc::setRemoteDescription)
        .thenCompose(v -> pc.createAnswer())
        .thenCompose(
            answer -> {
              client.answer(offer.from(), answer.sdpText());
              return pc.setLocalDescription(answer);
            })
        .whenComplete(this::checked);
  }

  private void onAnswer(RelayedAnswer answer) {
    if (fromRemote(answer.from())) {
      parsed(Description.Type.ANSWER, answer.sdp())
          .thenCompose(pc::setRemoteDescription)
          .whenComplete(this::checked);
    }
  }

  private void onCandidate(RelayedCandidate relayed) {
    if (!fromRemote(relayed.from())) {
      return;
    }
    IceCandidate c = relayed.candidate();
    IceCandidateInit init =
        c == null
            ? IceCandidateInit.endOfCandidates(null, null, null)
            : new IceCandidateInit(
                c.candidate(), c.sdpMid(), c.sdpMLineIndex(), c.usernameFragment());
    pc.addIceCandidate(init).whenComplete(this::checked);
  }

  private void sendCandidate(IceCandidateInit c) {
    remotePeer.thenAccept(
        to ->
            client.candidate(
                to,
                c.isEndOfCandidates()
                    ? null
                    : new IceCandidate(
                        c.candidate(), c.sdpMid(), c.sdpMLineIndex(), c.usernameFragment())));
  }

  private boolean fromRemote(String from) {
    return remotePeer.isDone() && remotePeer.join().equals(from);
  }

  private static CompletionStage<Description> parsed(Description.Type type, String sdp) {
    try {
      return CompletableFuture.completedFuture(Description.parse(type, sdp));
    } catch (SdpParseException e) {
      return CompletableFuture.failedFuture(
          new PeerException("the remote " + type.jsonName() + " is not valid SDP", e));
    }
  }

  private void checked(Object ignored, Throwable error) {
    if (error != null) {
      LOG.warn("signaling exchange failed: {}", error.getMessage());
      failure.complete(error);
    }
  }

  /** The client's events, on its I/O thread. */
  private final class Listener implements SignalingListener {
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
