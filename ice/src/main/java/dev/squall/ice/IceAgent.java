package dev.squall.ice;

import dev.squall.ice.internal.IceCore;
import dev.squall.net.DatagramTransport;
import dev.squall.util.Scheduler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An ICE agent (RFC 8445) for one data component over UDP, with trickle (RFC 8838), consent
 * freshness (RFC 7675) and mDNS candidates. Sans-I/O: it opens no sockets and starts no threads.
 * The caller gives it bound {@link DatagramTransport}s (each yields a host candidate; the agent
 * becomes their receive handler) and one serial {@link Scheduler} that runs all of it.
 *
 * <p>Every method must be called on the scheduler, and every listener is called on it. Typical use,
 * mirroring the W3C API:
 *
 * <pre>{@code
 * IceAgent agent = new IceAgent(scheduler, config, IceRole.CONTROLLING, List.of(transport));
 * agent.onLocalCandidate(c -> signal.send(c.format()));
 * agent.onGatheringComplete(signal::sendEndOfCandidates);
 * agent.onStateChange(s -> log(s, agent.failureReason()));
 * agent.onData(dtls::receive);
 * agent.startGathering();
 * agent.setRemoteCredentials(remoteUfragPwd);   // from the peer's description
 * agent.addRemoteCandidate("candidate:1 1 udp 2122260223 192.0.2.7 5000 typ host");
 * }</pre>
 *
 * <p>Datagrams on the transports are demultiplexed by their first byte (RFC 7983): 0–3 is STUN and
 * stays inside the agent; anything else from the remote address of a valid pair goes to {@link
 * #onData}. {@link #send} sends on the selected pair.
 */
public final class IceAgent implements AutoCloseable {

  private final IceCore core;
  private final Scheduler scheduler;

  /**
   * @param transports bound transports, each on a specific address (not the wildcard); their
   *     callbacks must run on {@code scheduler} (or be posted to it)
   */
  public IceAgent(
      Scheduler scheduler, IceConfig config, IceRole role, List<DatagramTransport> transports) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    if (transports.isEmpty()) {
      throw new IllegalArgumentException("at least one transport is needed");
    }
    this.core = new IceCore(scheduler, config, role, List.copyOf(transports));
  }

  /** Our credentials for the current session (put them in the description). */
  public IceCredentials localCredentials() {
    return core.current().local;
  }

  /** The peer's credentials, once set. */
  public Optional<IceCredentials> remoteCredentials() {
    return Optional.ofNullable(core.current().remote);
  }

  public IceRole role() {
    return core.role();
  }

  public IceConnectionState state() {
    return core.state();
  }

  /** Why the agent is FAILED (all pairs failed, consent expired…), or null. */
  public String failureReason() {
    return core.failureReason();
  }

  /** The pair data goes over, once one is selected. */
  public Optional<IceCandidatePair> selectedPair() {
    return Optional.ofNullable(core.selected()).map(p -> p.toPublic());
  }

  /**
   * The selected pair's state, round-trip times and STUN counters, once one is selected (W3C {@code
   * RTCIceCandidatePairStats}).
   */
  public Optional<IceCandidatePairStats> selectedPairStats() {
    inScheduler();
    return Optional.ofNullable(core.selected()).map(p -> p.stats());
  }

  /** Every pair of the current session's check list, in priority order. */
  public List<IceCandidatePairStats> candidatePairStats() {
    inScheduler();
    return core.current().checks.pairs().stream().map(p -> p.stats()).toList();
  }

  /** The local candidates gathered so far in the current session (prflx ones included). */
  public List<IceCandidate> localCandidates() {
    return List.copyOf(core.current().localCandidates);
  }

  /** Called for each local candidate to signal (host, srflx), as it is gathered. */
  public void onLocalCandidate(Consumer<IceCandidate> listener) {
    inScheduler();
    core.events().localCandidate.add(Objects.requireNonNull(listener));
  }

  /** Called when gathering of the current session is complete (signal end-of-candidates). */
  public void onGatheringComplete(Runnable listener) {
    inScheduler();
    core.events().gatheringComplete.add(Objects.requireNonNull(listener));
  }

  /** Called on every connection state change; see {@link #failureReason()} on FAILED. */
  public void onStateChange(Consumer<IceConnectionState> listener) {
    inScheduler();
    core.events().state.add(Objects.requireNonNull(listener));
  }

  /** Called each time a (new) pair is selected. */
  public void onSelectedPair(Consumer<IceCandidatePair> listener) {
    inScheduler();
    core.events().selectedPair.add(Objects.requireNonNull(listener));
  }

  /** Called with each non-STUN datagram from the peer (the array is the listener's to keep). */
  public void onData(Consumer<byte[]> listener) {
    inScheduler();
    core.events().data.add(Objects.requireNonNull(listener));
  }

  /** Gathers the local candidates of the current session (host at once, srflx as they come). */
  public void startGathering() {
    inScheduler();
    core.startGathering();
  }

  /**
   * Sets the peer's ufrag and pwd; checks start once there are pairs.
   *
   * @throws IllegalStateException when different credentials were set in this session (an ICE
   *     restart needs {@link #restart()} first)
   */
  public void setRemoteCredentials(IceCredentials remote) {
    inScheduler();
    core.setRemoteCredentials(remote);
  }

  /**
   * Adds a remote candidate (trickled or from the description). TCP candidates, other components
   * and unresolvable {@code .local} names are ignored.
   *
   * @return false when the candidate was ignored at once (mDNS names resolve later and say true)
   */
  public boolean addRemoteCandidate(IceCandidate candidate) {
    inScheduler();
    return core.intake().add(Objects.requireNonNull(candidate, "candidate"));
  }

  /** Parses and adds a {@code candidate:} line; see {@link #addRemoteCandidate(IceCandidate)}. */
  public boolean addRemoteCandidate(String line) throws CandidateParseException {
    return addRemoteCandidate(IceCandidate.parse(line));
  }

  /** The peer signalled end-of-candidates: from now on, all pairs failing fails the agent. */
  public void endOfRemoteCandidates() {
    inScheduler();
    core.endOfRemoteCandidates();
  }

  /**
   * ICE restart (RFC 8445 §9): new local credentials and a new check list; gathering starts again
   * at once. The selected pair keeps carrying data (and answering consent with the old credentials)
   * until the new session nominates a pair. Set the peer's new credentials and candidates
   * afterwards.
   *
   * @return the new local credentials, to signal
   */
  public IceCredentials restart() {
    inScheduler();
    return core.restart(List.of());
  }

  /** ICE restart over new transports (a path change, such as a new network interface). */
  public IceCredentials restart(List<DatagramTransport> newTransports) {
    inScheduler();
    return core.restart(List.copyOf(newTransports));
  }

  /**
   * Sends one datagram of application data on the selected pair.
   *
   * @return false (and nothing sent) when no pair is selected, consent is lost or closed
   */
  public boolean send(byte[] data) {
    inScheduler();
    return core.send(Objects.requireNonNull(data, "data"));
  }

  /** Stops all checks and timers; the state becomes CLOSED. The transports stay open. */
  @Override
  public void close() {
    inScheduler();
    core.close();
  }

  private void inScheduler() {
    if (!scheduler.inScheduler()) {
      throw new IllegalStateException("IceAgent must be called on its scheduler");
    }
  }
}
