package dev.squall.vnet;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counters of one pipe, router or host: packets that entered, that were passed on, that were
 * duplicated, and those dropped, by reason. Read them on the network's scheduler.
 */
public final class PacketStats {

  private final EnumMap<DropReason, Long> drops = new EnumMap<>(DropReason.class);
  private long sent;
  private long delivered;
  private long duplicated;

  PacketStats() {}

  /** Packets that entered. */
  public long sent() {
    return sent;
  }

  /** Packets passed on (duplicates included). */
  public long delivered() {
    return delivered;
  }

  /** Extra copies made by {@link LinkConditions#duplicateRate()}. */
  public long duplicated() {
    return duplicated;
  }

  /** Packets dropped for {@code reason}. */
  public long dropped(DropReason reason) {
    return drops.getOrDefault(reason, 0L);
  }

  /** Packets dropped for any reason. */
  public long dropped() {
    return drops.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A copy of the drop counters, only reasons that occurred. */
  public Map<DropReason, Long> drops() {
    return new EnumMap<>(drops);
  }

  void countSent() {
    sent++;
  }

  void countDelivered() {
    delivered++;
  }

  void countDuplicated() {
    duplicated++;
  }

  void countDrop(DropReason reason) {
    drops.merge(reason, 1L, Long::sum);
  }

  @Override
  public String toString() {
    return "sent="
        + sent
        + " delivered="
        + delivered
        + " duplicated="
        + duplicated
        + " drops="
        + drops;
  }
}
