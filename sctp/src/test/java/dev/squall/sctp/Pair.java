package dev.squall.sctp;

import dev.squall.sctp.chunk.Chunk;
import dev.squall.sctp.chunk.DataChunk;
import dev.squall.sctp.chunk.SctpPacket;
import dev.squall.testkit.Topology;
import dev.squall.util.VirtualScheduler;
import dev.squall.vnet.LinkConditions;
import dev.squall.vnet.Packet;
import dev.squall.vnet.Pipe;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Two associations, alice and bob, on a seeded virtual network. Only alice's access link has
 * conditions (delay, loss...): it carries what alice sends ({@link #aliceUp()}) and receives
 * ({@link #aliceDown()}); bob's link is perfect. So the link's delay is the one-way delay and its
 * loss rate the loss rate of each direction.
 */
final class Pair {

  final Topology topology;
  final VirtualScheduler scheduler;
  final Peer alice;
  final Peer bob;

  Pair(long seed, LinkConditions conditions, SctpConfig aliceConfig, SctpConfig bobConfig) {
    topology = Topology.builder().accessLinks(conditions).seed(seed).build();
    scheduler = topology.scheduler();
    topology.bob().link().setConditions(LinkConditions.PERFECT);
    var a = topology.alice().bind(5000);
    var b = topology.bob().bind(5000);
    alice = new Peer("alice", scheduler, a, b.localAddress(), aliceConfig, seed * 31 + 1);
    bob = new Peer("bob", scheduler, b, a.localAddress(), bobConfig, seed * 31 + 2);
  }

  Pair(long seed, LinkConditions conditions, SctpConfig config) {
    this(seed, conditions, config, config);
  }

  static LinkConditions delay(int millis) {
    return LinkConditions.PERFECT.withDelay(Duration.ofMillis(millis));
  }

  Pipe aliceUp() {
    return topology.alice().link().up();
  }

  Pipe aliceDown() {
    return topology.alice().link().down();
  }

  void connectBoth() {
    alice.association.connect();
    bob.association.connect();
  }

  void establish() {
    connectBoth();
    if (!runUntil(() -> alice.established() && bob.established(), Duration.ofSeconds(30))) {
      throw new AssertionError("not established");
    }
  }

  boolean runUntil(BooleanSupplier condition, Duration limit) {
    return scheduler.runUntil(condition, limit);
  }

  /** The chunks of a packet on the wire, or an empty list when it does not decode. */
  static List<Chunk> chunks(Packet p) {
    try {
      return SctpPacket.decode(p.data()).chunks();
    } catch (SctpException e) {
      return List.of();
    }
  }

  /** Packets carrying a chunk of the given type. */
  static Predicate<Packet> carries(int chunkType) {
    return p -> chunks(p).stream().anyMatch(c -> c.type() == chunkType);
  }

  /** Packets carrying the DATA chunk that is the {@code n}-th (from 1) of a message. */
  static Predicate<Packet> dataWith(Predicate<DataChunk> which) {
    return p -> chunks(p).stream().anyMatch(c -> c instanceof DataChunk d && which.test(d));
  }
}
