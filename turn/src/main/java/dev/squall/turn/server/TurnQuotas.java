package dev.squall.turn.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Allocation quotas shared by every shard of a server: at most {@code perUser} allocations per user
 * and {@code total} in all (RFC 8656 §7.2: 486 Allocation Quota Reached). Thread-safe without
 * locks: a compare-and-set on the total, and an atomic compute per user.
 */
public final class TurnQuotas {

  /** The outcome of {@link #tryAcquire}. */
  public enum Result {
    ACQUIRED,
    USER_LIMIT,
    TOTAL_LIMIT
  }

  private final int perUser;
  private final int total;
  private final AtomicInteger used = new AtomicInteger();
  private final ConcurrentHashMap<String, Integer> byUser = new ConcurrentHashMap<>();

  /**
   * @param perUser allocations one user may hold (at least 1)
   * @param total allocations the server may hold (at least 1)
   */
  public TurnQuotas(int perUser, int total) {
    if (perUser < 1 || total < 1) {
      throw new IllegalArgumentException("quotas must be at least 1");
    }
    this.perUser = perUser;
    this.total = total;
  }

  /** Quotas from {@link TurnServerConfig#maxAllocationsPerUser()} and {@code ...Total()}. */
  public TurnQuotas(TurnServerConfig config) {
    this(config.maxAllocationsPerUser(), config.maxAllocationsTotal());
  }

  /**
   * Takes one allocation for {@code user} when both quotas allow it; on success the caller must
   * {@link #release} it exactly once.
   */
  public Result tryAcquire(String user) {
    int now;
    do {
      now = used.get();
      if (now >= total) {
        return Result.TOTAL_LIMIT;
      }
    } while (!used.compareAndSet(now, now + 1));
    boolean[] granted = new boolean[1];
    byUser.compute(
        user,
        (u, n) -> {
          int count = n == null ? 0 : n;
          if (count >= perUser) {
            return n;
          }
          granted[0] = true;
          return count + 1;
        });
    if (!granted[0]) {
      used.decrementAndGet();
      return Result.USER_LIMIT;
    }
    return Result.ACQUIRED;
  }

  /** Gives back one allocation of {@code user}. */
  public void release(String user) {
    byUser.computeIfPresent(user, (u, n) -> n <= 1 ? null : n - 1);
    used.decrementAndGet();
  }

  /** Allocations held now, in all. */
  public int used() {
    return used.get();
  }

  /** Allocations {@code user} holds now. */
  public int usedBy(String user) {
    return byUser.getOrDefault(user, 0);
  }

  public int perUser() {
    return perUser;
  }

  public int total() {
    return total;
  }
}
