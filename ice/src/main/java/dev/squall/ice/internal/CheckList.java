package dev.squall.ice.internal;

import dev.squall.ice.IceRole;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The check list of one ICE session (one component, RFC 8445 §6.1.2): pairs sorted by decreasing
 * priority, their states, and the triggered-check queue (§6.1.4.1). A new pair starts Waiting when
 * no other pair of its foundation is Waiting or In-Progress, else Frozen; a success unfreezes the
 * pairs of its foundation (§7.2.5.3.3). Holds no timers: {@code Pacer} asks it for the next check.
 */
public final class CheckList {

  private static final Comparator<CandidatePair> BY_PRIORITY =
      (a, b) -> Long.compareUnsigned(b.priority(), a.priority());

  private final int maxPairs;
  private final List<CandidatePair> pairs = new ArrayList<>();
  private final Deque<CandidatePair> triggered = new ArrayDeque<>();

  public CheckList(int maxPairs) {
    this.maxPairs = maxPairs;
  }

  /** All pairs, highest priority first (a copy). */
  public List<CandidatePair> pairs() {
    return List.copyOf(pairs);
  }

  public boolean isEmpty() {
    return pairs.isEmpty();
  }

  public int size() {
    return pairs.size();
  }

  /** The pair of this base and remote address, if any. */
  public Optional<CandidatePair> find(LocalBase base, InetSocketAddress remote) {
    return pairs.stream().filter(p -> p.matches(base, remote)).findFirst();
  }

  /**
   * Adds a pair unless one with the same base and remote address exists or the list is full of
   * pairs of higher priority (then the lowest is pruned, §6.1.2.5).
   *
   * @return the pair in the list (the new one or the existing one), or empty when pruned
   */
  public Optional<CandidatePair> add(CandidatePair pair) {
    Optional<CandidatePair> existing = find(pair.local(), pair.remote().address());
    if (existing.isPresent()) {
      return existing;
    }
    boolean foundationBusy =
        pairs.stream()
            .anyMatch(
                p ->
                    p.foundation().equals(pair.foundation())
                        && (p.state() == PairState.WAITING || p.state() == PairState.IN_PROGRESS));
    pair.setState(foundationBusy ? PairState.FROZEN : PairState.WAITING);
    pairs.add(pair);
    pairs.sort(BY_PRIORITY);
    if (pairs.size() > maxPairs) {
      CandidatePair lowest = pairs.remove(pairs.size() - 1);
      triggered.remove(lowest);
      if (lowest == pair) {
        return Optional.empty();
      }
    }
    return Optional.of(pair);
  }

  /** Queues a triggered check (once), ahead of the ordinary ones. */
  public void trigger(CandidatePair pair) {
    if (!triggered.contains(pair)) {
      if (pair.state() != PairState.IN_PROGRESS && pair.state() != PairState.SUCCEEDED) {
        pair.setState(PairState.WAITING);
      }
      triggered.addLast(pair);
    }
  }

  /**
   * The next pair to check: the head of the triggered queue, else the highest-priority Waiting
   * pair, else (when {@code ordinary}) the highest-priority Frozen pair, unfrozen.
   */
  public Optional<CandidatePair> next(boolean ordinary) {
    CandidatePair t = triggered.pollFirst();
    if (t != null) {
      return Optional.of(t);
    }
    if (!ordinary) {
      return Optional.empty();
    }
    for (PairState wanted : new PairState[] {PairState.WAITING, PairState.FROZEN}) {
      for (CandidatePair p : pairs) {
        if (p.state() == wanted) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** True when a triggered check is queued or (with {@code ordinary}) a pair waits or is frozen. */
  public boolean hasWork(boolean ordinary) {
    return !triggered.isEmpty()
        || (ordinary
            && pairs.stream()
                .anyMatch(p -> p.state() == PairState.WAITING || p.state() == PairState.FROZEN));
  }

  /** Sets the Frozen pairs of {@code foundation} Waiting. */
  public void unfreeze(String foundation) {
    for (CandidatePair p : pairs) {
      if (p.state() == PairState.FROZEN && p.foundation().equals(foundation)) {
        p.setState(PairState.WAITING);
      }
    }
  }

  /** Recomputes the priorities after a role change and re-sorts. */
  public void roleChanged(IceRole role) {
    pairs.forEach(p -> p.updatePriority(role));
    pairs.sort(BY_PRIORITY);
  }

  /** The valid pairs, highest priority first. */
  public List<CandidatePair> valid() {
    return pairs.stream().filter(CandidatePair::isValid).toList();
  }

  /** True when there are pairs and every one failed. */
  public boolean allFailed() {
    return !pairs.isEmpty() && pairs.stream().allMatch(p -> p.state() == PairState.FAILED);
  }

  /** True when a pair of higher priority than {@code pair} may still succeed. */
  public boolean betterPending(CandidatePair pair) {
    for (CandidatePair p : pairs) {
      if (p == pair) {
        return false;
      }
      if (p.state() != PairState.FAILED && p.state() != PairState.SUCCEEDED) {
        return true;
      }
    }
    return false;
  }

  /** "host a -> srflx b (timeout), ..." for the first {@code limit} pairs. */
  public String describe(int limit) {
    String listed =
        pairs.stream()
            .limit(limit)
            .map(
                p ->
                    p
                        + " ("
                        + (p.failure() != null ? p.failure() : p.state().name().toLowerCase())
                        + ")")
            .collect(Collectors.joining(", "));
    return pairs.size() > limit ? listed + ", and " + (pairs.size() - limit) + " more" : listed;
  }
}
