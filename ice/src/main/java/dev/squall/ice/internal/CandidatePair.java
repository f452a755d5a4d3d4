package dev.squall.ice.internal;

import dev.squall.ice.IceCandidatePair;
import dev.squall.ice.IceCandidatePairStats;
import dev.squall.ice.IceRole;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * A local base paired with a remote candidate, and its checking state. Mutable; owned by one {@link
 * CheckList} and touched only on the agent's scheduler. A succeeded pair is valid: with every local
 * candidate pruned to its base, the valid pair of RFC 8445 §7.2.5.3.2 and the checked pair send
 * through the same base to the same remote address, so they are kept as one.
 */
public final class CandidatePair {

  private final LocalBase local;
  private final RemoteCandidate remote;
  private long priority;
  private PairState state = PairState.FROZEN;
  private int outstanding;
  private boolean useCandidateReceived;
  private boolean nominated;
  private String failure;
  private InetSocketAddress mappedAddress;
  private long requestsSent;
  private long consentRequestsSent;
  private long responsesReceived;
  private long requestsReceived;
  private long responsesSent;
  private long rttSamples;
  private long totalRttNanos;
  private long currentRttNanos = -1;

  public CandidatePair(LocalBase local, RemoteCandidate remote, IceRole role) {
    this.local = local;
    this.remote = remote;
    updatePriority(role);
  }

  public LocalBase local() {
    return local;
  }

  public RemoteCandidate remote() {
    return remote;
  }

  /** The unsigned 64-bit pair priority for the current role. */
  public long priority() {
    return priority;
  }

  public void updatePriority(IceRole role) {
    long l = local.host().priority();
    long r = remote.candidate().priority();
    priority = role == IceRole.CONTROLLING ? Priorities.pair(l, r) : Priorities.pair(r, l);
  }

  public String foundation() {
    return local.host().foundation() + ":" + remote.candidate().foundation();
  }

  public PairState state() {
    return state;
  }

  public void setState(PairState state) {
    this.state = state;
  }

  /** Connectivity-check transactions still running for this pair. */
  public int outstanding() {
    return outstanding;
  }

  public void checkStarted() {
    outstanding++;
    if (state != PairState.SUCCEEDED) {
      state = PairState.IN_PROGRESS;
    }
  }

  public void checkEnded() {
    outstanding = Math.max(0, outstanding - 1);
  }

  public boolean useCandidateReceived() {
    return useCandidateReceived;
  }

  public void markUseCandidateReceived() {
    useCandidateReceived = true;
  }

  public boolean nominated() {
    return nominated;
  }

  public void markNominated() {
    nominated = true;
  }

  /** Why the pair failed, or null. */
  public String failure() {
    return failure;
  }

  public void fail(String reason) {
    state = PairState.FAILED;
    failure = reason;
  }

  public void succeed(InetSocketAddress mapped) {
    state = PairState.SUCCEEDED;
    failure = null;
    mappedAddress = mapped;
  }

  /** Our address as the peer saw it in the last successful check (maybe a local prflx). */
  public InetSocketAddress mappedAddress() {
    return mappedAddress;
  }

  public boolean isValid() {
    return state == PairState.SUCCEEDED;
  }

  public boolean matches(LocalBase base, InetSocketAddress remoteAddress) {
    return local == base && remote.address().equals(remoteAddress);
  }

  /** A connectivity check (a new transaction, not a retransmission) was sent on this pair. */
  public void requestSent() {
    requestsSent++;
  }

  /** A consent freshness request (RFC 7675) was sent on this pair. */
  public void consentRequestSent() {
    consentRequestsSent++;
  }

  /**
   * A success response to our check or consent request arrived.
   *
   * @param roundTripNanos its round-trip time, or negative when there is no sample
   */
  public void responseReceived(long roundTripNanos) {
    responsesReceived++;
    if (roundTripNanos >= 0) {
      rttSamples++;
      totalRttNanos += roundTripNanos;
      currentRttNanos = roundTripNanos;
    }
  }

  /** The peer's check or consent request on this pair was answered with success. */
  public void requestAnswered() {
    requestsReceived++;
    responsesSent++;
  }

  /** A snapshot of this pair's checking state and counters. */
  public IceCandidatePairStats stats() {
    return new IceCandidatePairStats(
        toPublic(),
        state.w3cName(),
        nominated,
        currentRttNanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(currentRttNanos)),
        Duration.ofNanos(totalRttNanos),
        rttSamples,
        requestsSent,
        responsesReceived,
        requestsReceived,
        responsesSent,
        consentRequestsSent);
  }

  public IceCandidatePair toPublic() {
    return new IceCandidatePair(
        local.host(), remote.candidate(), local.address(), remote.address());
  }

  @Override
  public String toString() {
    return local + " -> " + remote;
  }
}
