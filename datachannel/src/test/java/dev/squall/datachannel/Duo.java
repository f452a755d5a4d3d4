package dev.squall.datachannel;

import dev.squall.net.ConnectedTransport;
import dev.squall.sctp.SctpConfig;
import dev.squall.testkit.Topology;
import dev.squall.util.VirtualScheduler;
import dev.squall.vnet.LinkConditions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Two managers, alice (DTLS client, even ids) and bob (server, odd ids), joined by SCTP over a
 * seeded virtual network; only alice's access link has conditions. Listeners run as later tasks on
 * the virtual scheduler.
 */
final class Duo {
  final Topology topology;
  final VirtualScheduler scheduler;
  final DataChannelManager alice;
  final DataChannelManager bob;
  final List<DataChannel> aliceIncoming = new ArrayList<>();
  final List<DataChannel> bobIncoming = new ArrayList<>();
  private final ConnectedTransport a;
  private final ConnectedTransport b;

  Duo(long seed, LinkConditions conditions) {
    this(seed, conditions, null);
  }

  /** With {@code aliceCallbacks} running alice's listeners (null: tasks on the scheduler). */
  Duo(long seed, LinkConditions conditions, Executor aliceCallbacks) {
    topology = Topology.builder().accessLinks(conditions).seed(seed).build();
    scheduler = topology.scheduler();
    topology.bob().link().setConditions(LinkConditions.PERFECT);
    var ta = topology.alice().bind(5000);
    var tb = topology.bob().bind(5000);
    a = ConnectedTransport.attach(ta, tb.localAddress());
    b = ConnectedTransport.attach(tb, ta.localAddress());
    alice =
        new DataChannelManager(
            scheduler, aliceCallbacks == null ? scheduler::execute : aliceCallbacks);
    bob = new DataChannelManager(scheduler, scheduler::execute);
    alice.onDataChannel(aliceIncoming::add);
    bob.onDataChannel(bobIncoming::add);
    a.onReceive(alice::handlePacket);
    b.onReceive(bob::handlePacket);
  }

  Duo(long seed) {
    this(seed, LinkConditions.PERFECT.withDelay(Duration.ofMillis(10)));
  }

  static SctpConfig config() {
    return SctpConfig.builder().rtoMin(Duration.ofMillis(100)).streams(4096, 4096).build();
  }

  /** Starts both ends (as DTLS connecting would) on the loop. */
  Duo start() {
    alice.start(config(), true, 262144, new Random(1), a::send);
    bob.start(config(), false, 262144, new Random(2), b::send);
    return this;
  }

  boolean runUntil(BooleanSupplier condition) {
    return scheduler.runUntil(condition, Duration.ofSeconds(60));
  }

  static List<DataChannelMessage> record(DataChannel ch) {
    List<DataChannelMessage> list = new ArrayList<>();
    ch.onMessage(list::add);
    return list;
  }
}
