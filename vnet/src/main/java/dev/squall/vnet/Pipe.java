package dev.squall.vnet;

import dev.squall.util.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One direction of a {@link Link}. A packet entering the pipe passes the taps, then the MTU check
 * and the random loss, and is delivered to the far end after its delay, in a task on the network's
 * scheduler. Five random numbers are drawn per packet whatever the conditions, from the pipe's own
 * seeded source, so changing one rate does not reshuffle the other draws and pipes do not disturb
 * each other.
 */
public final class Pipe {

  private final String name;
  private final VirtualNetwork network;
  private final Random random;
  private final Consumer<Packet> farEnd;
  private final PacketStats stats = new PacketStats();
  private final List<Tap> taps = new ArrayList<>();
  private LinkConditions conditions = LinkConditions.PERFECT;

  Pipe(String name, VirtualNetwork network, Consumer<Packet> farEnd) {
    this.name = name;
    this.network = network;
    this.random = network.newRandom();
    this.farEnd = farEnd;
  }

  /** Like {@code alice.up} or {@code natB.down}. */
  public String name() {
    return name;
  }

  public LinkConditions conditions() {
    return conditions;
  }

  /** Applies to packets entering from now on; packets in flight keep their delivery time. */
  public Pipe setConditions(LinkConditions conditions) {
    this.conditions = Objects.requireNonNull(conditions, "conditions");
    return this;
  }

  /** Adds a tap after the existing ones; cancelling the handle removes it. */
  public Cancellable addTap(Tap tap) {
    Objects.requireNonNull(tap, "tap");
    taps.add(tap);
    return () -> taps.remove(tap);
  }

  public PacketStats stats() {
    return stats;
  }

  void send(Packet packet) {
    stats.countSent();
    Packet p = packet;
    for (Tap tap : List.copyOf(taps)) {
      p = tap.process(p);
      if (p == null) {
        network.drop(packet, DropReason.TAP, name, stats);
        return;
      }
    }
    LinkConditions c = conditions;
    double loss = random.nextDouble();
    double duplicate = random.nextDouble();
    double reorder = random.nextDouble();
    double jitter1 = random.nextDouble();
    double jitter2 = random.nextDouble();
    if ((long) p.length() + LinkConditions.HEADER_BYTES > c.mtu()) {
      network.drop(p, DropReason.MTU, name, stats);
      return;
    }
    if (loss < c.lossRate()) {
      network.drop(p, DropReason.LOSS, name, stats);
      return;
    }
    long base = c.delay().toNanos();
    long jitter = c.jitter().toNanos();
    long held = reorder < c.reorderRate() ? c.reorderDelay().toNanos() : 0;
    deliverAfter(base + (long) (jitter * jitter1) + held, p);
    if (duplicate < c.duplicateRate()) {
      stats.countDuplicated();
      deliverAfter(base + (long) (jitter * jitter2), p);
    }
  }

  private void deliverAfter(long nanos, Packet p) {
    network
        .scheduler()
        .schedule(
            Duration.ofNanos(nanos),
            () -> {
              stats.countDelivered();
              farEnd.accept(p);
            });
  }

  @Override
  public String toString() {
    return name + " " + stats;
  }
}
