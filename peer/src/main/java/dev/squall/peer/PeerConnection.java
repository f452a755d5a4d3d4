package dev.squall.peer;

import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelInit;
import dev.squall.datachannel.DataChannelManager;
import dev.squall.dtls.DtlsCertificate;
import dev.squall.dtls.DtlsException;
import dev.squall.dtls.DtlsRole;
import dev.squall.dtls.DtlsState;
import dev.squall.ice.IceCandidatePair;
import dev.squall.ice.IceConnectionState;
import dev.squall.ice.IceRole;
import dev.squall.net.DatagramTransport;
import dev.squall.peer.internal.CallbackExecutor;
import dev.squall.peer.internal.ConnectionStates;
import dev.squall.peer.internal.Negotiation;
import dev.squall.peer.internal.OnScheduler;
import dev.squall.peer.internal.RemoteParameters;
import dev.squall.peer.internal.StatsCollector;
import dev.squall.peer.internal.TransportStack;
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
 * the selected pair, the certificate checked against the remote {@code a=fingerprint}, and SCTP
 * (RFC 8261) over DTLS carrying DataChannels (RFC 8831, RFC 8832): {@link #createDataChannel} and
 * {@link #onDataChannel}. In raw mode ({@link PeerConfiguration#rawDatagrams()}) there is no SCTP
 * and {@link #sendDatagram} / {@link #onDatagram} carry application bytes, one DTLS record each.
 *
 * <p>Roles follow JSEP: the offerer is ICE controlling and writes {@code a=setup:actpass}; the
 * answerer is controlled and writes {@code active} (DTLS client) unless configured otherwise. The
 * description has one data channel m-section; an answer rejects the audio and video sections of an
 * offer. Renegotiation and ICE restarts through descriptions are not supported yet.
 *
 * <p>Threads: everything runs on one {@link Scheduler} (a Netty event loop in production). Methods
 * may be called from any thread: they hop onto the scheduler and their futures complete there.
 * Connection listeners run on the scheduler, in order; do not block in them. DataChannel listeners
 * ({@link #onDataChannel} and each channel's open, message, low-buffer and close listeners) run on
 * a callback thread of their own, one at a time and in order, so slow user code there delays only
 * later callbacks, never the protocol loop; {@link DataChannel} methods may be called from any
 * thread. The connection owns the transports it is given and closes them in {@link #close()}.
 */
public final class PeerConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);

  private final Scheduler scheduler;
  private final PeerConfiguration config;
  private final List<DatagramTransport> transports;
  private final DtlsCertificate certificate;
  final List<Consumer<IceCandidateInit>> candidateListeners = new CopyOnWriteArrayList<>();
  final List<Consumer<IceConnectionState>> iceListeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<PeerConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
  final List<Consumer<byte[]>> datagramListeners = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private final CallbackExecutor callbacks;
  private final DataChannelManager channels;
  // the fields below are touched only on the scheduler
  final Negotiation negotiation = new Negotiation();
  TransportStack stack;
  IceConnectionState iceState = IceConnectionState.NEW;
  private PeerConnectionState state = PeerConnectionState.NEW;
  volatile String failureReason;

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
    this.callbacks = config.rawDatagrams() ? null : new CallbackExecutor("squall-datachannel");
    this.channels = callbacks == null ? null : new DataChannelManager(scheduler, callbacks);
  }

  /**
   * Creates an offer (the data channel section, {@code a=setup:actpass}); we become ICE
   * controlling.
   */
  public CompletableFuture<Description> createOffer() {
    return call(
        () -> {
          requireOpen();
          negotiation.checkCreateOffer();
          TransportStack s = stack(IceRole.CONTROLLING);
          return negotiation.offer(s.localCredentials(), certificate.fingerprint());
        });
  }

  /**
   * Creates the answer to the remote offer: the data section accepted, every other one rejected.
   */
  public CompletableFuture<Description> createAnswer() {
    return call(
        () -> {
          requireOpen();
          return negotiation.answer(
              stack.localCredentials(), certificate.fingerprint(), config.answerSetup());
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
          DtlsRole role = negotiation.applyLocal(description, stack != null);
          if (role != null) {
            stack.startDtls(negotiation.remote().fingerprint(), role);
          }
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
          DtlsRole role = negotiation.applyRemote(description);
          RemoteParameters params = negotiation.remote();
          stack(offer ? IceRole.CONTROLLED : IceRole.CONTROLLING)
              .setRemoteCredentials(params.credentials());
          stack.setRemoteSctp(params.sctpPort(), params.maxMessageSize());
          if (role != null) {
            stack.startDtls(params.fingerprint(), role);
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
          RemoteParameters remote = negotiation.remote();
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
    if (channels != null) {
      throw new IllegalStateException(
          "DTLS carries SCTP: configure rawDatagrams to send datagrams");
    }
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

  /**
   * Creates a DataChannel (W3C {@code createDataChannel}); it opens once SCTP is up. Any thread.
   *
   * @throws IllegalStateException in raw-datagram mode or once closed
   */
  public DataChannel createDataChannel(String label, DataChannelInit init) {
    if (channels == null) {
      throw new IllegalStateException("no DataChannels in raw-datagram mode");
    }
    if (state == PeerConnectionState.CLOSED) {
      throw new IllegalStateException("the connection is closed");
    }
    return channels.createDataChannel(label, init);
  }

  /** An ordered, reliable channel opened in-band. */
  public DataChannel createDataChannel(String label) {
    return createDataChannel(label, DataChannelInit.DEFAULT);
  }

  /** Channels the peer opens, on the callback thread, before any of their messages. */
  public void onDataChannel(Consumer<DataChannel> listener) {
    if (channels == null) {
      throw new IllegalStateException("no DataChannels in raw-datagram mode");
    }
    channels.onDataChannel(listener);
  }

  /** Each application datagram received over DTLS in raw mode (the array is the listener's). */
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
    return negotiation.state();
  }

  /** Why the connection FAILED ({@code ICE failed: ...} or {@code DTLS failed: ...}), or null. */
  public String failureReason() {
    return failureReason;
  }

  public Optional<Description> localDescription() {
    return Optional.ofNullable(negotiation.local());
  }

  public Optional<Description> remoteDescription() {
    return Optional.ofNullable(negotiation.remoteDescription());
  }

  /** The pair ICE selected, once there is one. Call on the scheduler. */
  public Optional<IceCandidatePair> selectedPair() {
    return stack == null ? Optional.empty() : stack.selectedPair();
  }

  /**
   * A snapshot of the transport, the selected candidate pair (with round-trip times) and the
   * DataChannels (W3C {@code getStats}), taken on the scheduler. Completes off the scheduler, on
   * the DataChannel callback thread after the callbacks queued before it. Any thread.
   */
  public CompletableFuture<PeerStats> getStats() {
    return StatsCollector.collect(
        scheduler, callbacks, () -> StatsCollector.snapshot(scheduler, state, stack, channels));
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
    negotiation.close();
    if (channels != null) {
      channels.close();
      callbacks.shutdown();
    }
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
              channels,
              new StackEvents(this));
    }
    return stack;
  }

  private void requireOpen() {
    if (state == PeerConnectionState.CLOSED) {
      throw new PeerException("the connection is closed");
    }
  }

  private <T> CompletableFuture<T> call(Supplier<T> task) {
    return OnScheduler.call(scheduler, task);
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

  void updateState() {
    if (state == PeerConnectionState.CLOSED
        || state == PeerConnectionState.FAILED // final until ICE restarts exist
        || stack == null) {
      return;
    }
    setState(ConnectionStates.derive(iceState, stack.dtlsState()));
  }
}
