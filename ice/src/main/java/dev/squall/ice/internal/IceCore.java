package dev.squall.ice.internal;

import dev.squall.ice.CandidateType;
import dev.squall.ice.IceCandidate;
import dev.squall.ice.IceConfig;
import dev.squall.ice.IceConnectionState;
import dev.squall.ice.IceCredentials;
import dev.squall.ice.IceRole;
import dev.squall.ice.IceTransportPolicy;
import dev.squall.net.DatagramTransport;
import dev.squall.stun.StunClass;
import dev.squall.stun.StunException;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMethod;
import dev.squall.turn.client.TurnAllocation;
import dev.squall.util.Cancellable;
import dev.squall.util.Scheduler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator behind {@code IceAgent}: owns the shared state (role, tie-breaker, sessions,
 * selected pair, failure) and wires the concerns together: {@link Gatherer}, {@link Pacer}, {@link
 * Checker}, {@link Responder}, {@link Nominator}, {@link ConsentMonitor}, and {@link RemoteIntake}
 * for remote candidates. Receives every datagram of every transport and demultiplexes it (RFC 7983:
 * first byte 0–3 is STUN, the rest is application data). Runs only on the scheduler.
 */
public final class IceCore {

  private static final Logger LOG = LoggerFactory.getLogger(IceCore.class);

  final Scheduler scheduler;
  final IceConfig config;
  final Events events = new Events();
  final long tieBreaker;
  final Pacer pacer;
  final Checker checker;
  final Responder responder;
  final Nominator nominator;
  final ConsentMonitor consent;
  final Gatherer gatherer;
  final RemoteIntake intake;
  final Relays relays;
  private final List<LocalBase> allBases = new ArrayList<>();
  private IceRole role;
  private Session current;
  private Session previous;
  private CandidatePair selected;
  private String failureReason;
  private boolean closed;
  private IceConnectionState state = IceConnectionState.NEW;
  private Cancellable checkingTimer = Cancellable.NONE;

  public IceCore(
      Scheduler scheduler, IceConfig config, IceRole role, List<DatagramTransport> transports) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.config = Objects.requireNonNull(config, "config");
    this.role = Objects.requireNonNull(role, "role");
    this.tieBreaker = config.random().nextLong();
    this.pacer = new Pacer(this);
    this.checker = new Checker(this);
    this.responder = new Responder(this);
    this.nominator = new Nominator(this);
    this.consent = new ConsentMonitor(this);
    this.gatherer = new Gatherer(this);
    this.intake = new RemoteIntake(this);
    this.relays = new Relays(this);
    this.current =
        new Session(
            IceCredentials.random(config.random()), addBases(transports), config.maxPairs());
  }

  public RemoteIntake intake() {
    return intake;
  }

  public Events events() {
    return events;
  }

  public IceRole role() {
    return role;
  }

  public Session current() {
    return current;
  }

  public CandidatePair selected() {
    return selected;
  }

  public String failureReason() {
    return failureReason;
  }

  public IceConnectionState state() {
    return state;
  }

  public boolean isClosed() {
    return closed;
  }

  /** Starts gathering for the current session (once per session). */
  public void startGathering() {
    if (!closed && !current.gatheringStarted) {
      current.gatheringStarted = true;
      gatherer.gather(current);
    }
  }

  public void setRemoteCredentials(IceCredentials remote) {
    Objects.requireNonNull(remote, "remote");
    if (current.remote != null && !current.remote.equals(remote)) {
      throw new IllegalStateException("remote credentials changed: call restart() first");
    }
    if (current.remote == null) {
      current.remote = remote;
      Session s = current;
      checkingTimer = scheduler.schedule(config.checkingTimeout(), () -> checkingTimedOut(s));
      pacer.kick();
      updateState();
    }
  }

  public void endOfRemoteCandidates() {
    current.endOfRemote = true;
    evaluate();
  }

  /** Starts a new session: new local credentials, optionally new transports (a path change). */
  public IceCredentials restart(List<DatagramTransport> newTransports) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    List<LocalBase> bases = newTransports.isEmpty() ? current.bases : addBases(newTransports);
    previous = selected != null ? findSession(selected) : null;
    pacer.stop();
    nominator.reset();
    checkingTimer.cancel();
    current = new Session(IceCredentials.random(config.random()), bases, config.maxPairs());
    failureReason = null;
    startGathering();
    updateState();
    return current.local;
  }

  /** Sends application data on the selected pair; false when there is none or consent is lost. */
  public boolean send(byte[] data) {
    if (closed || selected == null || failureReason != null) {
      return false;
    }
    selected.local().transport().send(selected.remote().address(), data);
    return true;
  }

  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    pacer.stop();
    nominator.reset();
    consent.stop();
    checkingTimer.cancel();
    checker.cancelAll();
    gatherer.cancelAll();
    relays.close();
    updateState();
  }

  /**
   * True when checks may use {@code base}: always, except that under the RELAY policy only relay
   * bases are used (host bases then only carry the TURN client's traffic).
   */
  boolean checkable(LocalBase base) {
    return config.transportPolicy() == IceTransportPolicy.ALL || base.isRelay();
  }

  /** The index the next base gets (its local preference). */
  int nextBaseIndex() {
    return allBases.size();
  }

  /**
   * A TURN allocation succeeded: its relayed transport becomes a base of the current session,
   * paired with the remote candidates known so far, and its relay candidate is signalled.
   */
  void addRelayBase(TurnAllocation allocation, IceCandidate candidate) {
    LocalBase base = new LocalBase(allBases.size(), allocation, candidate);
    allBases.add(base);
    listen(base);
    Session s = current;
    s.bases.add(base);
    localCandidate(
        s, candidate.withExtension("generation", "0").withExtension("ufrag", s.local.ufrag()));
    intake.pairWithRemotes(s, base);
  }

  // ---- callbacks of the concerns ----

  void switchRole(IceRole newRole) {
    if (role != newRole) {
      LOG.debug("role conflict: switching to {}", newRole);
      role = newRole;
      current.checks.roleChanged(newRole);
      nominator.roleChanged();
    }
  }

  /** The session whose check list holds {@code pair}, or null. */
  Session findSession(CandidatePair pair) {
    if (current.checks.pairs().contains(pair)) {
      return current;
    }
    return previous != null && previous.checks.pairs().contains(pair) ? previous : null;
  }

  /** The current or previous session whose local ufrag is {@code ufrag}, or null. */
  Session sessionByLocalUfrag(String ufrag) {
    if (current.local.ufrag().equals(ufrag)) {
      return current;
    }
    return previous != null && previous.local.ufrag().equals(ufrag) ? previous : null;
  }

  void pairSucceeded(Session session, CandidatePair pair) {
    session.checks.unfreeze(pair.foundation());
    nominator.pairValid(pair);
    evaluate();
  }

  void pairFailed(Session session, CandidatePair pair) {
    LOG.debug("pair failed: {} ({})", pair, pair.failure());
    nominator.pairFailed(pair);
    evaluate();
  }

  /** A nominated, valid pair (RFC 8445 §8.1.1): selected unless a better one already is. */
  void nominated(Session session, CandidatePair pair) {
    if (session != current || closed) {
      return;
    }
    if (session.selected == null
        || Long.compareUnsigned(pair.priority(), session.selected.priority()) > 0) {
      if (pair.local().isRelay()
          && pair.local().transport() instanceof TurnAllocation relay
          && !relay.isClosed()) {
        relay.bindChannel(pair.remote().address()); // data as ChannelData (RFC 8656 §12)
      }
      session.selected = pair;
      selected = pair;
      previous = null;
      failureReason = null;
      checkingTimer.cancel();
      consent.start(session, pair);
      LOG.debug("selected {}", pair);
      events.fire(events.selectedPair, pair.toPublic());
    }
    updateState();
  }

  void consentLost(String reason) {
    fail(reason);
  }

  void gatheringComplete(Session session) {
    session.gatheringComplete = true;
    if (session == current) {
      events.fireGatheringComplete();
      evaluate();
    }
  }

  void localCandidate(Session session, IceCandidate candidate) {
    session.localCandidates.add(candidate);
    if (session == current && candidate.type() != CandidateType.PEER_REFLEXIVE) {
      events.fire(events.localCandidate, candidate);
    }
  }

  /** Re-checks failure and the connection state. */
  void evaluate() {
    Session s = current;
    if (!closed
        && failureReason == null
        && s.selected == null
        && s.endOfRemote
        && s.gatheringComplete
        && s.checks.valid().isEmpty()
        && s.checks.allFailed()) {
      fail(
          "all "
              + s.checks.size()
              + " candidate pairs failed: "
              + s.checks.describe(10)
              + relays.failures());
      return;
    }
    updateState();
  }

  void updateState() {
    IceConnectionState next;
    if (closed) {
      next = IceConnectionState.CLOSED;
    } else if (failureReason != null) {
      next = IceConnectionState.FAILED;
    } else if (selected != null) {
      if (consent.isDisconnected()) {
        next = IceConnectionState.DISCONNECTED;
      } else if (current.selected != null && current.endOfRemote && current.gatheringComplete) {
        next = IceConnectionState.COMPLETED;
      } else {
        next = IceConnectionState.CONNECTED;
      }
    } else if (current.remote != null) {
      next = IceConnectionState.CHECKING;
    } else {
      next = IceConnectionState.NEW;
    }
    if (next == IceConnectionState.COMPLETED && state == IceConnectionState.CHECKING) {
      state = IceConnectionState.CONNECTED; // as browsers do: connected, then completed
      events.fire(events.state, state);
    }
    if (next != state) {
      state = next;
      events.fire(events.state, next);
    }
  }

  private void fail(String reason) {
    if (closed || failureReason != null) {
      return;
    }
    LOG.debug("ICE failed: {}", reason);
    failureReason = reason;
    pacer.stop();
    nominator.reset();
    consent.stop();
    checkingTimer.cancel();
    updateState();
  }

  private void checkingTimedOut(Session s) {
    if (s != current || s.selected != null || !s.checks.valid().isEmpty()) {
      return;
    }
    long secs = config.checkingTimeout().toSeconds();
    fail(
        s.checks.isEmpty()
            ? "no candidate pair to check within "
                + secs
                + " s: no usable remote candidate"
                + " and no check from the peer"
                + relays.failures()
            : "no candidate pair succeeded within "
                + secs
                + " s; "
                + s.checks.size()
                + " pairs: "
                + s.checks.describe(10)
                + relays.failures());
  }

  private List<LocalBase> addBases(List<DatagramTransport> transports) {
    List<LocalBase> added = new ArrayList<>();
    for (DatagramTransport t : transports) {
      InetSocketAddress a = t.localAddress();
      if (a.getAddress().isAnyLocalAddress()) {
        throw new IllegalArgumentException("bind transports to a specific address, not " + a);
      }
      int index = allBases.size();
      String ip = a.getAddress().getHostAddress();
      IceCandidate host =
          IceCandidate.udp(
              Priorities.foundation(CandidateType.HOST, ip, ""),
              Priorities.candidate(CandidateType.HOST, Priorities.localPreference(index), 1),
              ip,
              a.getPort(),
              CandidateType.HOST);
      LocalBase base = new LocalBase(index, t, host);
      allBases.add(base);
      added.add(base);
      listen(base);
    }
    return added;
  }

  private void listen(LocalBase base) {
    base.transport()
        .onReceive(
            (from, data) -> {
              if (scheduler.inScheduler()) {
                onDatagram(base, from, data);
              } else {
                scheduler.execute(() -> onDatagram(base, from, data));
              }
            });
  }

  private void onDatagram(LocalBase base, InetSocketAddress from, byte[] data) {
    if (closed || data.length == 0) {
      return;
    }
    if (!base.isRelay() && relays.handle(base, from, data)) {
      return; // the TURN server's answer, Data indication or ChannelData
    }
    int first = data[0] & 0xFF;
    if (first > 3) {
      deliverData(base, from, data);
      return;
    }
    StunMessage m;
    try {
      m = StunMessage.decode(data);
    } catch (StunException e) {
      return; // not STUN after all, or corrupt: dropped
    }
    if (!m.method().equals(StunMethod.BINDING)) {
      return;
    }
    if (m.messageClass() == StunClass.REQUEST) {
      responder.handle(base, from, m);
    } else if (m.messageClass().isResponse()) {
      if (!checker.handle(base, from, m) && !consent.handle(base, from, m)) {
        gatherer.handle(base, from, m);
      }
    }
  }

  private void deliverData(LocalBase base, InetSocketAddress from, byte[] data) {
    boolean known =
        (selected != null && selected.matches(base, from))
            || current.checks.find(base, from).map(CandidatePair::isValid).orElse(false);
    if (known && failureReason == null) {
      for (var l : events.data) {
        l.accept(data);
      }
    }
  }
}
