package dev.squall.turn.server.internal;

import dev.squall.turn.server.ClientConnection;
import dev.squall.turn.server.TurnQuotas;
import dev.squall.turn.server.TurnStats;
import dev.squall.util.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The allocations of one shard by 5-tuple, and their life cycle: {@link #add} starts the expiry
 * timer, {@link #refresh} moves it, {@link #delete} (on Refresh 0, expiry, connection close or
 * shutdown) closes the relay sockets and returns the quota. Keeps {@link TurnStats} and {@link
 * TurnQuotas} in step. Not thread-safe (one shard).
 */
public final class Allocations {

  private final Scheduler scheduler;
  private final TurnQuotas quotas;
  private final TurnStats stats;
  private final Map<ClientConnection, Allocation> byClient = new HashMap<>();

  public Allocations(Scheduler scheduler, TurnQuotas quotas, TurnStats stats) {
    this.scheduler = scheduler;
    this.quotas = quotas;
    this.stats = stats;
  }

  /** The allocation of {@code client}'s 5-tuple, or null. */
  public Allocation get(ClientConnection client) {
    return byClient.get(client);
  }

  public int size() {
    return byClient.size();
  }

  /** Registers a new allocation (its quota already taken) living for {@code lifetime}. */
  public void add(Allocation allocation, Duration lifetime) {
    byClient.put(allocation.client(), allocation);
    stats.allocationCreated();
    refresh(allocation, lifetime);
  }

  /** Moves the expiry of {@code allocation} to {@code lifetime} from now. */
  public void refresh(Allocation allocation, Duration lifetime) {
    long expiresAt = scheduler.nanoTime() + lifetime.toNanos();
    allocation.expiry(expiresAt, scheduler.schedule(lifetime, () -> delete(allocation)));
  }

  /** Deletes {@code allocation} if it is still registered. */
  public void delete(Allocation allocation) {
    if (byClient.remove(allocation.client(), allocation)) {
      allocation.delete();
      quotas.release(allocation.credential().quotaUser());
      stats.allocationDeleted();
    }
  }

  /** Deletes every allocation. */
  public void deleteAll() {
    for (Allocation a : new ArrayList<>(byClient.values())) {
      delete(a);
    }
  }
}
