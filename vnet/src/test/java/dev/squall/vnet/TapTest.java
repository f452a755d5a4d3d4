package dev.squall.vnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.net.DatagramTransport;
import dev.squall.util.Cancellable;
import dev.squall.util.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TapTest {

  private final VirtualScheduler scheduler = new VirtualScheduler();
  private final VirtualNetwork net = new VirtualNetwork(scheduler, 5);
  private final Router nat = net.addNat("nat", NatBehavior.FULL_CONE);
  private final Host alice = nat.addHost("alice");
  private final Host bob = net.addPublicHost("bob");
  private final Host carol = net.addPublicHost("carol");
  private final DatagramTransport a = alice.bind(1000);
  private final Inbox atBob = new Inbox(scheduler);
  private final Inbox atCarol = new Inbox(scheduler);

  TapTest() {
    bob.bind(2000).onReceive(atBob);
    carol.bind(2000).onReceive(atCarol);
  }

  private List<Integer> received(Inbox inbox) {
    return inbox.arrivals.stream().map(x -> (int) x.data()[1]).toList();
  }

  @Test
  void dropsExactlyTheThirdPacketFromAliceToBobWhoseFirstByteIs22() {
    alice
        .link()
        .up()
        .addTap(Tap.dropNth(3, p -> p.to().equals(bob.address(2000)) && p.firstByte() == 22));
    int[] firstBytes = {22, 23, 22, 22, 22, 22};
    for (int i = 0; i < firstBytes.length; i++) {
      a.send(bob.address(2000), new byte[] {(byte) firstBytes[i], (byte) i});
      a.send(carol.address(2000), new byte[] {22, (byte) i}); // other destination: not counted
    }
    scheduler.runUntilIdle();
    assertThat(received(atBob)).containsExactly(0, 1, 2, 4, 5);
    assertThat(received(atCarol)).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(alice.link().up().stats().dropped(DropReason.TAP)).isEqualTo(1);
    assertThat(net.dropped(DropReason.TAP)).isEqualTo(1);
  }

  @Test
  void altersTheNthMatchingPacketAndObservesAddressesOnEachSideOfTheNat() {
    List<Packet> inside = new ArrayList<>();
    List<Packet> outside = new ArrayList<>();
    alice.link().up().addTap(Tap.observe(inside::add));
    nat.uplink().up().addTap(Tap.observe(outside::add));
    nat.uplink().up().addTap(Tap.alterNth(2, p -> true, p -> p.withData(new byte[] {99, 99})));
    for (int i = 0; i < 3; i++) {
      a.send(bob.address(2000), new byte[] {0, (byte) i});
    }
    scheduler.runUntilIdle();
    assertThat(received(atBob)).containsExactly(0, 99, 2);
    assertThat(inside).hasSize(3).allMatch(p -> p.from().equals(a.localAddress()));
    assertThat(outside)
        .hasSize(3)
        .allMatch(p -> p.from().getAddress().equals(nat.externalAddress()));
  }

  @Test
  void aCancelledTapNoLongerActsAndTapsSeeWhatEarlierTapsLetThrough() {
    List<Packet> seenBySecond = new ArrayList<>();
    Cancellable dropAll = alice.link().up().addTap(Tap.drop(p -> p.firstByte() == 1));
    alice.link().up().addTap(Tap.observe(seenBySecond::add));
    a.send(bob.address(2000), new byte[] {1, 0});
    a.send(bob.address(2000), new byte[] {2, 1});
    scheduler.runUntilIdle();
    dropAll.cancel();
    a.send(bob.address(2000), new byte[] {1, 2});
    scheduler.runUntilIdle();
    assertThat(received(atBob)).containsExactly(1, 2);
    assertThat(seenBySecond).hasSize(2);
  }

  @Test
  void dropListenerReportsWhereAndWhy() {
    List<String> drops = new ArrayList<>();
    net.onDrop((packet, reason, where) -> drops.add(where + " " + reason));
    alice.link().up().addTap(Tap.dropNth(1, p -> true));
    a.send(bob.address(2000), new byte[] {0, 0});
    a.send(bob.address(9), new byte[] {0, 1});
    scheduler.runUntilIdle();
    assertThat(drops).containsExactly("alice.up TAP", "bob PORT_UNREACHABLE");
  }
}
