package dev.squall.vnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.net.DatagramTransport;
import dev.squall.util.VirtualScheduler;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Delay, jitter, loss, duplication, reordering and MTU: exact on virtual time, seeded. */
class LinkConditionsTest {

  /**
   * One scenario: 200 numbered packets, one per millisecond, from alice (behind a NAT) to bob, the
   * conditions on alice's upstream pipe.
   */
  private static List<String> trace(long seed, UnaryOperator<LinkConditions> conditions) {
    VirtualScheduler scheduler = new VirtualScheduler();
    VirtualNetwork net = new VirtualNetwork(scheduler, seed);
    Host alice = net.addNat("nat", NatBehavior.FULL_CONE).addHost("alice");
    Host bob = net.addPublicHost("bob");
    alice.link().up().setConditions(conditions.apply(LinkConditions.PERFECT));
    DatagramTransport a = alice.bind(1000);
    DatagramTransport b = bob.bind(2000);
    Inbox inbox = new Inbox(scheduler);
    b.onReceive(inbox);
    for (int i = 0; i < 200; i++) {
      int seq = i;
      scheduler.schedule(
          Duration.ofMillis(i),
          () -> a.send(b.localAddress(), ByteBuffer.allocate(4).putInt(seq).array()));
    }
    scheduler.runUntilIdle();
    return inbox.arrivals.stream()
        .map(x -> x.nanos() + ":" + ByteBuffer.wrap(x.data()).getInt())
        .toList();
  }

  @Test
  void lossIsTheSameForTheSameSeedAndDiffersForAnother() {
    UnaryOperator<LinkConditions> lossy = c -> c.withLoss(0.2);
    List<String> first = trace(42, lossy);
    assertThat(trace(42, lossy)).isEqualTo(first);
    assertThat(trace(43, lossy)).isNotEqualTo(first);
    assertThat(first.size()).isBetween(140, 180); // about 80 % survive
  }

  @Test
  void duplicationAndReorderingAreDeterministic() {
    UnaryOperator<LinkConditions> messy =
        c ->
            c.withDelay(Duration.ofMillis(5))
                .withDuplication(0.1)
                .withReordering(0.1, Duration.ofMillis(3));
    List<String> first = trace(7, messy);
    assertThat(trace(7, messy)).isEqualTo(first);
    assertThat(trace(8, messy)).isNotEqualTo(first);
    List<Integer> order = first.stream().map(s -> Integer.parseInt(s.split(":")[1])).toList();
    assertThat(order.size()).isGreaterThan(200); // duplicates, nothing lost
    assertThat(order).containsAll(java.util.stream.IntStream.range(0, 200).boxed().toList());
    assertThat(order).isNotEqualTo(order.stream().sorted().toList()); // some overtaken
  }

  @Test
  void delayIsExactAndJitterStaysInItsWindow() {
    List<String> fixed = trace(1, c -> c.withDelay(Duration.ofMillis(10)));
    // packet i, sent at i ms, arrives at exactly i + 10 ms
    for (int i = 0; i < 200; i++) {
      assertThat(fixed.get(i)).isEqualTo(Duration.ofMillis(i + 10).toNanos() + ":" + i);
    }
    List<String> jittery =
        trace(1, c -> c.withDelay(Duration.ofMillis(10)).withJitter(Duration.ofMillis(4)));
    assertThat(jittery)
        .hasSize(200)
        .isEqualTo(
            trace(1, c -> c.withDelay(Duration.ofMillis(10)).withJitter(Duration.ofMillis(4))));
    long distinctLatencies =
        jittery.stream()
            .map(s -> s.split(":"))
            .mapToLong(
                p -> {
                  long latency =
                      Long.parseLong(p[0]) - Duration.ofMillis(Long.parseLong(p[1])).toNanos();
                  assertThat(latency).isBetween(10_000_000L, 14_000_000L);
                  return latency;
                })
            .distinct()
            .count();
    assertThat(distinctLatencies).isGreaterThan(100);
  }

  @Test
  void mtuDropsOversizePacketsCountingIpAndUdpHeaders() {
    VirtualScheduler scheduler = new VirtualScheduler();
    VirtualNetwork net = new VirtualNetwork(scheduler, 1);
    Host alice = net.addPublicHost("alice");
    Host bob = net.addPublicHost("bob");
    alice.link().up().setConditions(LinkConditions.PERFECT.withMtu(1228));
    DatagramTransport a = alice.bind(1);
    Inbox inbox = new Inbox(scheduler);
    bob.bind(2).onReceive(inbox);
    a.send(bob.address(2), new byte[1200]);
    a.send(bob.address(2), new byte[1201]);
    scheduler.runUntilIdle();
    assertThat(inbox.arrivals).singleElement().satisfies(x -> assertThat(x.data()).hasSize(1200));
    PacketStats up = alice.link().up().stats();
    assertThat(up.sent()).isEqualTo(2);
    assertThat(up.delivered()).isEqualTo(1);
    assertThat(up.dropped(DropReason.MTU)).isEqualTo(1);
    assertThat(net.dropped()).isEqualTo(1);
  }

  @Test
  void conditionsAreValidated() {
    assertThatThrownBy(() -> LinkConditions.PERFECT.withLoss(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LinkConditions.PERFECT.withDelay(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LinkConditions.PERFECT.withMtu(28))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void changingTheLossRateLeavesTheJitterOfSurvivorsUnchanged() {
    UnaryOperator<LinkConditions> base = c -> c.withJitter(Duration.ofMillis(4));
    List<String> clean = trace(9, base);
    List<String> lossy = trace(9, c -> base.apply(c).withLoss(0.3));
    assertThat(clean).containsAll(lossy);
  }
}
