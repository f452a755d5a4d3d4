package dev.squall.vnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.net.DatagramTransport;
import dev.squall.util.VirtualScheduler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTest {

  private final VirtualScheduler scheduler = new VirtualScheduler();
  private final VirtualNetwork net = new VirtualNetwork(scheduler, 11);

  @Test
  void addressesAreAssignedFromTheWanAndLanPrefixes() {
    Router lan1 = net.addNat("lan1", NatBehavior.FULL_CONE);
    Router lan2 = net.addNat("lan2", NatBehavior.FULL_CONE, "10.0.0.0/24");
    Host server = net.addPublicHost("server");
    assertThat(lan1.externalAddress().getHostAddress()).isEqualTo("198.18.0.2");
    assertThat(lan2.externalAddress().getHostAddress()).isEqualTo("198.18.0.3");
    assertThat(server.ip().getHostAddress()).isEqualTo("198.18.0.4");
    assertThat(lan1.addHost("a").ip().getHostAddress()).isEqualTo("192.168.1.2");
    assertThat(lan2.addHost("b").ip().getHostAddress()).isEqualTo("10.0.0.2");
    assertThat(lan1.addHost("c", "192.168.1.50").ip().getHostAddress()).isEqualTo("192.168.1.50");
    assertThatThrownBy(() -> lan1.addHost("d", "10.9.9.9"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> lan1.addHost("e", "192.168.1.50"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> net.wan().mappings()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void hostsOnOneLanTalkDirectlyWithoutTheNat() {
    Router lan = net.addNat("lan", NatBehavior.SYMMETRIC);
    DatagramTransport a = lan.addHost("a").bind(1);
    DatagramTransport b = lan.addHost("b").bind(2);
    Inbox atB = new Inbox(scheduler);
    b.onReceive(atB);
    a.send(b.localAddress(), new byte[] {1});
    scheduler.runUntilIdle();
    assertThat(atB.lastFrom()).isEqualTo(a.localAddress());
    assertThat(lan.mappings()).isEmpty();
    assertThat(lan.uplink().up().stats().sent()).isZero();
  }

  @Test
  void unsolicitedInboundAndPrivateAddressesOfOtherLansAreDropped() {
    Router lan1 = net.addNat("lan1", NatBehavior.FULL_CONE);
    Router lan2 = net.addNat("lan2", NatBehavior.FULL_CONE);
    DatagramTransport a = lan1.addHost("a").bind(1);
    DatagramTransport b = lan2.addHost("b").bind(1);
    Inbox atA = new Inbox(scheduler);
    a.onReceive(atA);
    b.send(new InetSocketAddress(lan1.externalAddress(), 1), new byte[] {1}); // no mapping yet
    b.send(a.localAddress(), new byte[] {2}); // a private address on another LAN
    scheduler.runUntilIdle();
    a.send(
        new InetSocketAddress(lan1.externalAddress().getHostAddress().replace(".2", ".99"), 1),
        new byte[] {3}); // nobody on the WAN
    scheduler.runUntilIdle();
    assertThat(atA.size()).isZero();
    assertThat(lan1.stats().dropped(DropReason.NO_MAPPING)).isEqualTo(1);
    assertThat(net.wan().stats().dropped(DropReason.NO_ROUTE)).isEqualTo(2);
  }

  @Test
  void twoHostsBehindDifferentConesPunchThrough() {
    Router lanA = net.addNat("lanA", NatBehavior.PORT_RESTRICTED_CONE);
    Router lanB = net.addNat("lanB", NatBehavior.RESTRICTED_CONE);
    DatagramTransport a = lanA.addHost("a").bind(4000);
    DatagramTransport b = lanB.addHost("b").bind(4000);
    Inbox atA = new Inbox(scheduler);
    Inbox atB = new Inbox(scheduler);
    a.onReceive(atA);
    b.onReceive(atB);
    InetSocketAddress aPublic = new InetSocketAddress(lanA.externalAddress(), 4000);
    InetSocketAddress bPublic = new InetSocketAddress(lanB.externalAddress(), 4000);
    a.send(bPublic, new byte[] {1}); // B has no mapping yet: dropped, but opens A
    scheduler.runUntilIdle();
    b.send(aPublic, new byte[] {2}); // passes A, opens B
    a.send(bPublic, new byte[] {3});
    scheduler.runUntilIdle();
    assertThat(atA.arrivals)
        .singleElement()
        .satisfies(x -> assertThat(x.from()).isEqualTo(bPublic));
    assertThat(atB.arrivals)
        .singleElement()
        .satisfies(x -> assertThat(x.data()).containsExactly(3));
    assertThat(net.dropped(DropReason.NO_MAPPING)).isEqualTo(1);
    assertThat(net.dropped()).isEqualTo(1);
  }

  @Test
  void hairpinningFollowsTheBehaviour() {
    for (boolean hairpin : new boolean[] {true, false}) {
      VirtualScheduler s = new VirtualScheduler();
      VirtualNetwork n = new VirtualNetwork(s, 1);
      Router lan = n.addNat("lan", NatBehavior.FULL_CONE.withHairpinning(hairpin));
      DatagramTransport a = lan.addHost("a").bind(1000);
      DatagramTransport b = lan.addHost("b").bind(2000);
      Host server = n.addPublicHost("server");
      server.bind(1).onReceive((from, data) -> {});
      b.send(server.address(1), new byte[] {0}); // gives b the mapping external:2000
      Inbox atB = new Inbox(s);
      b.onReceive(atB);
      a.send(new InetSocketAddress(lan.externalAddress(), 2000), new byte[] {1});
      s.runUntilIdle();
      if (hairpin) {
        // the source is a's external mapping, as RFC 4787 REQ-9 asks
        assertThat(atB.lastFrom()).isEqualTo(new InetSocketAddress(lan.externalAddress(), 1000));
      } else {
        assertThat(atB.size()).isZero();
        assertThat(n.dropped(DropReason.HAIRPIN_DISABLED)).isEqualTo(1);
      }
    }
  }

  @Test
  void nestedNatsTranslateTwice() {
    Router isp = net.addNat("cgnat", NatBehavior.FULL_CONE, "100.64.0.0/24");
    Router home = isp.addNat("home", NatBehavior.PORT_RESTRICTED_CONE);
    DatagramTransport a = home.addHost("a").bind(5000);
    DatagramTransport server = net.addPublicHost("server").bind(3478);
    Inbox atServer = new Inbox(scheduler);
    Inbox atA = new Inbox(scheduler);
    server.onReceive(atServer);
    a.onReceive(atA);
    a.send(server.localAddress(), new byte[] {1});
    scheduler.runUntilIdle();
    assertThat(home.externalAddress().getHostAddress()).isEqualTo("100.64.0.2");
    assertThat(atServer.lastFrom().getAddress()).isEqualTo(isp.externalAddress());
    server.send(atServer.lastFrom(), new byte[] {2});
    scheduler.runUntilIdle();
    assertThat(atA.lastFrom()).isEqualTo(server.localAddress());
  }

  @Test
  void portsBindCloseAndLoopback() {
    Host h = net.addPublicHost("h");
    DatagramTransport first = h.bind(0);
    DatagramTransport second = h.bind(0);
    assertThat(first.localAddress().getPort()).isEqualTo(49152);
    assertThat(second.localAddress().getPort()).isEqualTo(49153);
    assertThat(first.scheduler()).isSameAs(second.scheduler()).isSameAs(scheduler);
    assertThatThrownBy(() -> h.bind(49152)).isInstanceOf(IllegalStateException.class);
    Inbox inbox = new Inbox(scheduler);
    second.onReceive(inbox);
    List<String> closed = new ArrayList<>();
    first.onClose(() -> closed.add("first"));
    first.send(second.localAddress(), new byte[] {1}); // to itself: no link involved
    scheduler.runUntilIdle();
    assertThat(inbox.size()).isEqualTo(1);
    assertThat(h.link().up().stats().sent()).isZero();
    first.close();
    scheduler.runUntilIdle();
    assertThat(closed).containsExactly("first");
    second.send(first.localAddress(), new byte[] {2});
    scheduler.runUntilIdle();
    assertThat(h.stats().dropped(DropReason.PORT_UNREACHABLE)).isEqualTo(1);
    assertThat(h.bind(49152).localAddress().getPort()).isEqualTo(49152);
  }
}
