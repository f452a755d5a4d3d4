package dev.squall.peer;

import dev.squall.dtls.DtlsCertificate;
import dev.squall.dtls.DtlsException;
import dev.squall.dtls.DtlsRole;
import dev.squall.dtls.DtlsState;
import dev.squall.ice.IceCandidate;
import dev.squall.ice.IceCandidatePair;
import dev.squall.ice.IceConnectionState;
import dev.squall.ice.IceCredentials;
import dev.squall.ice.IceRole;
import dev.squall.net.DatagramTransport;
import dev.squall.peer.internal.ConnectionStates;
import dev.squall.peer.internal.RemoteParameters;
import dev.squall.peer.internal.TransportStack;
import dev.squall.sdp.Attributed;
import dev.squall.sdp.JsepAnswerBuilder;
import dev.squall.sdp.JsepOfferBuilder;
import dev.squall.sdp.MediaDescription;
import dev.squall.sdp.SetupRole;
import dev.squall.util.Scheduler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebRTC peer connection for data (no media yet), shaped like the W3C {@code RTCPeerConnection}:
 * {@link #createOffer}, {@link #createAnswer}, {@link #setLocalDescription}, {@link
 * #setRemoteDescription}, {@link #addIceCandidate}, trickled {@link #onIceCandidate} ending with an
 * end-of-candidates indication, and {@code iceConnectionState} / {@code connectionState} events.
 * Underneath: an ICE agent (RFC 8445) on the given transports, and DTLS (RFC 6347, RFC 8827) over
 * the selected pair, the certificate checked against the remote {@code a=fingerprint}. Until SCTP
 * sits on DTLS, {@link #sendDatagram} and {@link #onDatagram} carry application bytes, one DTLS
 * record each.
 *
 * <p>Roles follow JSEP: the offerer is ICE controlling and writes {@code a=setup:actpass}; the
 * answerer is controlled and writes {@code active} (DTLS client) unless configured otherwise. The
 * description has one data channel m-section; an answer rejects the audio and video sections of an
 * offer. Renegotiation and ICE restarts through descriptions are not supported yet.
 *
 * <p>Threads: everything runs on one {@link Scheduler} (a Netty event loop in production). Methods
 * may be called from any thread: they hop onto the scheduler and their futures complete there.
 * Listeners run on the scheduler, in order; do not block in them. The connection owns the
 * transports it is given and closes them in {@link #close()}.
 */
public final class PeerConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);

  private final Scheduler scheduler;
  private final PeerConfiguration config;
  private final List<DatagramTransport> transports;
  private final DtlsCertificate certificate;
  private final List<Consumer<IceCandidateInit>> candidateListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<IceConnectionState>> iceListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<PeerConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<byte[]>> datagramListeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  // the fields below are touched only on the scheduler
  private TransportStack stack;
  private Description localDescription;
  private Description remoteDescription;
  private RemoteParameters remote;
  private SignalingState signalingState = SignalingState.STABLE;
  private IceConnectionState iceState = IceConnectionState.NEW;
  private PeerConnectionState state = PeerConnectionState.NEW;
  private volatile String failureReason;

  /**
   * @param transports bound transports (one host candidate each) whose callbacks run on {@code
   *     scheduler}; the connection owns and closes them
   */
  public PeerConnection(
      Scheduler scheduler, PeerConfiguration config, List<DatagramTransport> transports) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.config = Objects.requireNonNull(config, "config");
    this.transports = List.copyOf(transports);
    if (this.transports.isEmpty()) {
      throw new IllegalArgumentException("at least one transport is needed");
    }
    this.certificate =
        config.certificate() != null ? config.certificate() : DtlsCertificate.generate();
  }

  /**
   * Creates an offer (the data channel section, {@code a=setup:actpass}); we become ICE
   * controlling.
   */
  public CompletableFuture<Description> createOffer() {
    return call(
        () -> {
          requireOpen();
          if (signalingState != SignalingState.STABLE || remoteDescription != null) {
            throw new PeerException(
                "createOffer in state " + signalingState + ": renegotiation is not supported yet");
          }
          TransportStack s = stack(IceRole.CONTROLLING);
          return new Description(
              Description.Type.OFFER,
              JsepOfferBuilder.dataChannel(sdpCredentials(s), sdpFingerprint()).build());
        });
  }

  /**
   * Creates the answer to the remote offer: the data section accepted, every other one rejected.
   */
  public CompletableFuture<Description> createAnswer() {
    return call(
        () -> {
          requireOpen();
          if (signalingState != SignalingState.HAVE_REMOTE_OFFER) {
            throw new PeerException("createAnswer needs a remote offer; state " + signalingState);
          }
          return new Description(
              Description.Type.ANSWER,
              JsepAnswerBuilder.forOffer(
                      remoteDescription.sdp(), sdpCredentials(stack), sdpFingerprint())
                  .setup(config.answerSetup())
                  .build());
        });
  }

  /**
   * Applies our offer or answer; gathering starts (candidates trickle to {@link #onIceCandidate}).
   */
  public CompletableFuture<Void> setLocalDescription(Description description) {
    Objects.requireNonNull(description, "description");
    return call(
        () -> {
          requireOpen();
          if (description.type() == Description.Type.OFFER) {
            if (signalingState != SignalingState.STABLE || stack == null || remote != null) {
              throw new PeerException("setLocalDescription(offer) without createOffer first");
            }
            signalingState = SignalingState.HAVE_LOCAL_OFFER;
          } else {
            if (signalingState != SignalingState.HAVE_REMOTE_OFFER) {
              throw new PeerException("setLocalDescription(answer) in state " + signalingState);
            }
            SetupRole setup = localSetup(description);
            signalingState = SignalingState.STABLE;
            stack.startDtls(remote.fingerprint(), DtlsRole.fromLocalSetup(setup.token()));
          }
          localDescription = description;
          // in a later task, as browsers do: whoever sends the description on completion sends
          // it before the first candidate
          scheduler.execute(
              () -> {
                if (state != PeerConnectionState.CLOSED) {
                  stack.startGathering();
                }
              });
          return null;
        });
  }

  /**
   * Applies the peer's offer (we become ICE controlled) or answer. Its candidates are added; {@code
   * .local} and TCP candidates are accepted and ignored. Fails with a {@link PeerException} when
   * the description has no usable data channel section, credentials or fingerprint.
   */
  public CompletableFuture<Void> setRemoteDescription(Description description) {
    Objects.requireNonNull(description, "description");
    return call(
        () -> {
          requireOpen();
          boolean offer = description.type() == Description.Type.OFFER;
          if (offer && (signalingState != SignalingState.STABLE || remoteDescription != null)) {
            throw new PeerException(
                "setRemoteDescription(offer) in state "
                    + signalingState
                    + ": renegotiation is not supported yet");
          }
          if (!offer && signalingState != SignalingState.HAVE_LOCAL_OFFER) {
            throw new PeerException("setRemoteDescription(answer) in state " + signalingState);
          }
          RemoteParameters params = RemoteParameters.read(description.sdp(), offer);
          remote = params;
          remoteDescription = description;
          stack(offer ? IceRole.CONTROLLED : IceRole.CONTROLLING)
              .setRemoteCredentials(params.credentials());
          if (offer) {
            signalingState = SignalingState.HAVE_REMOTE_OFFER;
          } else {
            signalingState = SignalingState.STABLE;
            stack.startDtls(params.fingerprint(), DtlsRole.fromRemoteSetup(params.setup().token()));
          }
          params.candidates().forEach(stack::addRemoteCandidate);
          if (params.endOfCandidates()) {
            stack.endOfRemoteCandidates();
          }
          return null;
        });
  }

  /**
   * Adds a trickled remote candidate, or the end-of-candidates indication (empty candidate).
   * Candidates the agent cannot use ({@code .local} names it cannot resolve, TCP, other components,
   * unparseable lines) and candidates of another ICE generation (ufrag) are ignored; the future
   * still completes normally. Fails before a remote description is set.
   */
  public CompletableFuture<Void> addIceCandidate(IceCandidateInit candidate) {
    Objects.requireNonNull(candidate, "candidate");
    return call(
        () -> {
          requireOpen();
          if (remote == null) {
            throw new PeerException("addIceCandidate before setRemoteDescription");
          }
          String ufrag = candidate.usernameFragment();
          if (ufrag != null && !ufrag.equals(remote.credentials().ufrag())) {
            LOG.debug("candidate of another ICE generation (ufrag {}) ignored", ufrag);
          } else if (candidate.isEndOfCandidates()) {
            stack.endOfRemoteCandidates();
          } else {
            stack.addRemoteCandidate(candidate.candidate());
          }
          return null;
        });
  }

  /**
   * Sends one datagram of application data as one DTLS record. Call on the scheduler.
   *
   * @throws IllegalStateException off the scheduler, or when DTLS is not connected
   * @throws DtlsException when {@code data} exceeds the record limit (about 1150 bytes)
   */
  public void sendDatagram(byte[] data) {
    Objects.requireNonNull(data, "data");
    if (!scheduler.inScheduler()) {
      throw new IllegalStateException("sendDatagram must be called on the connection's scheduler");
    }
    if (stack == null || state == PeerConnectionState.CLOSED) {
      throw new IllegalStateException("not connected: " + state);
    }
    stack.send(data);
  }

  /** Local candidates as they are gathered, then one end-of-candidates indication. */
  public void onIceCandidate(Consumer<IceCandidateInit> listener) {
    candidateListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Every ICE connection state change (W3C {@code iceconnectionstatechange}). */
  public void onIceConnectionStateChange(Consumer<IceConnectionState> listener) {
    iceListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Every connection state change (W3C {@code connectionstatechange}). */
  public void onConnectionStateChange(Consumer<PeerConnectionState> listener) {
    stateListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Each application datagram received over DTLS (the array is the listener's). */
  public void onDatagram(Consumer<byte[]> listener) {
    datagramListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Completes when the connection first becomes {@link PeerConnectionState#CONNECTED}; fails with a
   * {@link PeerException} carrying {@link #failureReason()} when it fails or closes first.
   */
  public CompletableFuture<Void> connected() {
    return connected;
  }

  public PeerConnectionState connectionState() {
    return state;
  }

  public IceConnectionState iceConnectionState() {
    return iceState;
  }

  /** The DTLS transport's state (W3C {@code RTCDtlsTransportState}); NEW before it starts. */
  public DtlsState dtlsState() {
    return stack == null ? DtlsState.NEW : stack.dtlsState();
  }

  public SignalingState signalingState() {
    return signalingState;
  }

  /** Why the connection FAILED ({@code ICE failed: ...} or {@code DTLS failed: ...}), or null. */
  public String failureReason() {
    return failureReason;
  }

  public Optional<Description> localDescription() {
    return Optional.ofNullable(localDescription);
  }

  public Optional<Description> remoteDescription() {
    return Optional.ofNullable(remoteDescription);
  }

  /** The pair ICE selected, once there is one. Call on the scheduler. */
  public Optional<IceCandidatePair> selectedPair() {
    return stack == null ? Optional.empty() : stack.selectedPair();
  }

  /** Our DTLS certificate (its fingerprint is in our descriptions). */
  public DtlsCertificate certificate() {
    return certificate;
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  /** Closes DTLS (close_notify), ICE and the transports; the state becomes CLOSED. Idempotent. */
  @Override
  public void close() {
    if (!scheduler.inScheduler()) {
      scheduler.execute(this::close);
      return;
    }
    if (state == PeerConnectionState.CLOSED) {
      return;
    }
    signalingState = SignalingState.CLOSED;
    if (stack != null) {
      stack.close();
    } else {
      transports.forEach(DatagramTransport::close);
    }
    setState(PeerConnectionState.CLOSED);
  }

  private TransportStack stack(IceRole role) {
    if (stack == null) {
      stack =
          new TransportStack(
              scheduler,
              config.ice(),
              config.dtls(),
              certificate,
              transports,
              role,
              new StackEvents());
    }
    return stack;
  }

  private SetupRole localSetup(Description answer) {
    MediaDescription section = answer.sdp().media().get(remote.mLineIndex());
    SetupRole setup = answer.sdp().resolve(section, Attributed::setup).orElse(SetupRole.ACTIVE);
    if (setup != SetupRole.ACTIVE && setup != SetupRole.PASSIVE) {
      throw new PeerException("our answer must say a=setup:active or passive, not " + setup);
    }
    return setup;
  }

  private static dev.squall.sdp.IceCredentials sdpCredentials(TransportStack s) {
    IceCredentials c = s.localCredentials();
    return new dev.squall.sdp.IceCredentials(c.ufrag(), c.pwd());
  }

  private dev.squall.sdp.Fingerprint sdpFingerprint() {
    return new dev.squall.sdp.Fingerprint(
        certificate.fingerprint().algorithm(), certificate.fingerprint().value());
  }

  private void requireOpen() {
    if (state == PeerConnectionState.CLOSED) {
      throw new PeerException("the connection is closed");
    }
  }

  private <T> CompletableFuture<T> call(Supplier<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable run =
        () -> {
          try {
            result.complete(task.get());
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        };
    if (scheduler.inScheduler()) {
      run.run();
    } else {
      scheduler.execute(run);
    }
    return result;
  }

  private void setState(PeerConnectionState next) {
    if (next == state) {
      return;
    }
    state = next;
    LOG.debug("connection state {}", next);
    if (next == PeerConnectionState.CONNECTED) {
      connected.complete(null);
    } else if (next == PeerConnectionState.FAILED || next == PeerConnectionState.CLOSED) {
      connected.completeExceptionally(
          new PeerException(
              next == PeerConnectionState.FAILED ? failureReason : "the connection was closed"));
    }
    stateListeners.forEach(l -> l.accept(next));
  }

  private void updateState() {
    if (state == PeerConnectionState.CLOSED
        || state == PeerConnectionState.FAILED // final until ICE restarts exist
        || stack == null) {
      return;
    }
    setState(ConnectionStates.derive(iceState, stack.dtlsState()));
  }

  /** The stack's events, on the scheduler. */
  private final class StackEvents implements TransportStack.Events {
    @Override
    public void localCandidate(IceCandidate candidate) {
      IceCandidateInit init =
          new IceCandidateInit(
              candidate.format(), mid(), mLineIndex(), stack.localCredentials().ufrag());
      candidateListeners.forEach(l -> l.accept(init));
    }

    @Override
    public void gatheringComplete() {
      IceCandidateInit end =
          IceCandidateInit.endOfCandidates(mid(), mLineIndex(), stack.localCredentials().ufrag());
      candidateListeners.forEach(l -> l.accept(end));
    }

    @Override
    public void iceState(IceConnectionState next) {
      iceState = next;
      if (next == IceConnectionState.FAILED && failureReason == null) {
        failureReason = "ICE failed: " + stack.iceFailureReason();
      }
      iceListeners.forEach(l -> l.accept(next));
      updateState();
    }

    @Override
    public void dtlsState(DtlsState next, DtlsException error) {
      if (next == DtlsState.FAILED && failureReason == null) {
        failureReason =
            "DTLS failed: " + (error != null ? error.getMessage() : "unknown DTLS error");
      }
      updateState();
    }

    @Override
    public void datagram(byte[] data) {
      datagramListeners.forEach(l -> l.accept(data));
    }

    private String mid() {
      return remote != null && remote.mid() != null ? remote.mid() : "0";
    }

    private int mLineIndex() {
      return remote != null ? remote.mLineIndex() : 0;
    }
  }
}
