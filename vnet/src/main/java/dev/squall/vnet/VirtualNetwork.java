package dev.squall.vnet;

import dev.squall.util.Scheduler;
import dev.squall.vnet.internal.Subnet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * An in-memory IPv4/UDP network driven by one {@link Scheduler}, normally a {@code
 * VirtualScheduler}: a WAN router, NAT routers below it (RFC 4787 behaviours, nestable), hosts with
 * {@link dev.squall.net.DatagramTransport}s, and links with delay, jitter, loss, duplication,
 * reordering, MTU and taps.
 *
 * <p>Every delivery is a task on the scheduler, and every transport of the network shares it, so a
 * scenario runs single-threaded on virtual time. All randomness derives from {@code seed}: each
 * pipe and NAT draws from its own stream, numbered in creation order, so the same scenario with the
 * same seed delivers the same packets at the same instants on every run.
 *
 * <p>Addresses: WAN hosts and NATs get addresses from 198.18.0.0/15 (RFC 2544 test range); each
 * NAT's inside gets the next 192.168.n.0/24 unless given a prefix. Not thread-safe: use it from the
 * scheduler's thread.
 */
public final class VirtualNetwork {

  /** The WAN prefix. */
  public static final String WAN_PREFIX = "198.18.0.0/15";

  /** Observes each packet the network drops. */
  @FunctionalInterface
  public interface DropListener {
    /**
     * @param where the pipe, router or host that dropped it
     */
    void onDrop(Packet packet, DropReason reason, String where);
  }

  private final Scheduler scheduler;
  private final long seed;
  private final Router wan;
  private final EnumMap<DropReason, Long> drops = new EnumMap<>(DropReason.class);
  private final List<DropListener> dropListeners = new ArrayList<>();
  private long streams;
  private int nextLan = 1;

  public VirtualNetwork(Scheduler scheduler, long seed) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.seed = seed;
    this.wan = new Router(this, "wan", Subnet.parse(WAN_PREFIX));
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public long seed() {
    return seed;
  }

  /** The root router. */
  public Router wan() {
    return wan;
  }

  /** A host with a public address on the WAN. */
  public Host addPublicHost(String name) {
    return wan.addHost(name);
  }

  /** A NAT on the WAN. */
  public Router addNat(String name, NatBehavior behavior) {
    return wan.addNat(name, behavior);
  }

  /** A NAT on the WAN with the given inside prefix, such as {@code 10.0.0.0/24}. */
  public Router addNat(String name, NatBehavior behavior, String insideCidr) {
    return wan.addNat(name, behavior, insideCidr);
  }

  /** Packets dropped anywhere for {@code reason}. */
  public long dropped(DropReason reason) {
    return drops.getOrDefault(reason, 0L);
  }

  /** Packets dropped anywhere. */
  public long dropped() {
    return drops.values().stream().mapToLong(Long::longValue).sum();
  }

  public void onDrop(DropListener listener) {
    dropListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  void drop(Packet packet, DropReason reason, String where, PacketStats local) {
    local.countDrop(reason);
    drops.merge(reason, 1L, Long::sum);
    for (DropListener listener : List.copyOf(dropListeners)) {
      listener.onDrop(packet, reason, where);
    }
  }

  /** A new random stream, the next one derived from the seed. */
  Random newRandom() {
    return new Random(mix(seed + 0x9E3779B97F4A7C15L * ++streams));
  }

  Subnet nextLanSubnet() {
    int n = nextLan++;
    if (n <= 255) {
      return Subnet.parse("192.168." + n + ".0/24");
    }
    return Subnet.parse("10." + ((n >> 8) & 0xff) + "." + (n & 0xff) + ".0/24");
  }

  /** SplitMix64's finaliser: neighbouring stream numbers give unrelated seeds. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
