package dev.squall.ice.internal;

import dev.squall.ice.IceCandidatePair;
import dev.squall.ice.IceRole;
import java.net.InetSocketAddress;

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

  public IceCandidatePair toPublic() {
    return new IceCandidatePair(
        local.host(), remote.candidate(), local.address(), remote.address());
  }

  @Override
  public String toString() {
    return local + " -> " + remote;
  }
}
