package dev.squall.vnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.net.DatagramTransport;
import dev.squall.util.VirtualScheduler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 4787 behaviour matrix: for each mapping x filtering pair, which inbound packets pass and
 * whether the mapping is reused for a second destination.
 */
class NatMatrixTest {

  private final VirtualScheduler scheduler = new VirtualScheduler();
  private final VirtualNetwork net = new VirtualNetwork(scheduler, 1);

  static Stream<Arguments> matrix() {
    List<Arguments> all = new ArrayList<>();
    for (EndpointDependence m : EndpointDependence.values()) {
      for (EndpointDependence f : EndpointDependence.values()) {
        all.add(Arguments.of(m, f));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "mapping {0}, filtering {1}")
  @MethodSource("matrix")
  void repliesAndMappingReuse(EndpointDependence mapping, EndpointDependence filtering) {
    Router nat = net.addNat("nat", NatBehavior.of(mapping, filtering));
    Host alice = nat.addHost("alice");
    Host server1 = net.addPublicHost("server1");
    Host server2 = net.addPublicHost("server2");
    DatagramTransport a = alice.bind(5000);
    DatagramTransport s1 = server1.bind(3478);
    DatagramTransport s1other = server1.bind(3479);
    DatagramTransport s2 = server2.bind(3478);
    Inbox atAlice = new Inbox(scheduler);
    a.onReceive(atAlice);
    Inbox at1 = new Inbox(scheduler);
    Inbox at1other = new Inbox(scheduler);
    Inbox at2 = new Inbox(scheduler);
    s1.onReceive(at1);
    s1other.onReceive(at1other);
    s2.onReceive(at2);

    a.send(s1.localAddress(), new byte[] {1});
    scheduler.runUntilIdle();
    assertThat(at1.size()).isEqualTo(1);
    InetSocketAddress mapped = at1.lastFrom();
    assertThat(mapped.getAddress()).isEqualTo(nat.externalAddress());
    assertThat(mapped.getPort()).isEqualTo(5000); // port preservation

    // filtering: the contacted endpoint, another port of it, another address
    s1.send(mapped, new byte[] {2});
    scheduler.runUntilIdle();
    assertThat(atAlice.size()).as("reply from the contacted endpoint").isEqualTo(1);
    assertThat(atAlice.lastFrom()).isEqualTo(s1.localAddress());

    s1other.send(mapped, new byte[] {3});
    scheduler.runUntilIdle();
    boolean otherPortPasses = filtering != EndpointDependence.ADDRESS_AND_PORT;
    assertThat(atAlice.size()).as("from another port").isEqualTo(otherPortPasses ? 2 : 1);

    s2.send(mapped, new byte[] {4});
    scheduler.runUntilIdle();
    boolean otherAddressPasses = filtering == EndpointDependence.INDEPENDENT;
    assertThat(atAlice.size())
        .as("from another address")
        .isEqualTo(1 + (otherPortPasses ? 1 : 0) + (otherAddressPasses ? 1 : 0));
    long filtered = (otherPortPasses ? 0 : 1) + (otherAddressPasses ? 0 : 1);
    assertThat(net.dropped(DropReason.FILTERED)).isEqualTo(filtered);
    assertThat(nat.stats().dropped(DropReason.FILTERED)).isEqualTo(filtered);

    // mapping: a second port of the same server, then a second server
    a.send(s1other.localAddress(), new byte[] {5});
    a.send(s2.localAddress(), new byte[] {6});
    scheduler.runUntilIdle();
    InetSocketAddress toOtherPort = at1other.lastFrom();
    InetSocketAddress toOtherAddress = at2.lastFrom();
    assertThat(toOtherPort.equals(mapped))
        .as("same mapping toward another port")
        .isEqualTo(mapping != EndpointDependence.ADDRESS_AND_PORT);
    assertThat(toOtherAddress.equals(mapped))
        .as("same mapping toward another address")
        .isEqualTo(mapping == EndpointDependence.INDEPENDENT);
    int expectedMappings =
        switch (mapping) {
          case INDEPENDENT -> 1;
          case ADDRESS -> 2;
          case ADDRESS_AND_PORT -> 3;
        };
    assertThat(nat.mappings()).hasSize(expectedMappings);
    assertThat(nat.mappings()).allMatch(m -> m.internal().equals(a.localAddress()));
  }

  @Test
  void presetsAreTheClassicConeTypes() {
    assertThat(NatBehavior.FULL_CONE.mapping()).isEqualTo(EndpointDependence.INDEPENDENT);
    assertThat(NatBehavior.FULL_CONE.filtering()).isEqualTo(EndpointDependence.INDEPENDENT);
    assertThat(NatBehavior.RESTRICTED_CONE.filtering()).isEqualTo(EndpointDependence.ADDRESS);
    assertThat(NatBehavior.PORT_RESTRICTED_CONE.mapping())
        .isEqualTo(EndpointDependence.INDEPENDENT);
    assertThat(NatBehavior.PORT_RESTRICTED_CONE.filtering())
        .isEqualTo(EndpointDependence.ADDRESS_AND_PORT);
    assertThat(NatBehavior.SYMMETRIC.mapping()).isEqualTo(EndpointDependence.ADDRESS_AND_PORT);
    assertThat(NatBehavior.SYMMETRIC.portAssignment()).isEqualTo(PortAssignment.RANDOM);
  }

  @Test
  void symmetricNatGivesSeededRandomPortsTheSameOnEveryRun() {
    assertThat(symmetricPorts(7)).isEqualTo(symmetricPorts(7));
    assertThat(symmetricPorts(7)).isNotEqualTo(symmetricPorts(8));
    assertThat(symmetricPorts(7)).allMatch(p -> p >= 49152 && p <= 65535).doesNotHaveDuplicates();
  }

  private static List<Integer> symmetricPorts(long seed) {
    VirtualScheduler s = new VirtualScheduler();
    VirtualNetwork n = new VirtualNetwork(s, seed);
    DatagramTransport a = n.addNat("nat", NatBehavior.SYMMETRIC).addHost("a").bind(5000);
    Host server = n.addPublicHost("server");
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      server.bind(4000 + i).onReceive((from, data) -> ports.add(from.getPort()));
      a.send(server.address(4000 + i), new byte[] {0});
    }
    s.runUntilIdle();
    return ports;
  }

  @Test
  void sequentialAndPreservedPortAssignment() {
    Router seq =
        net.addNat("seq", NatBehavior.FULL_CONE.withPortAssignment(PortAssignment.SEQUENTIAL));
    Router keep = net.addNat("keep", NatBehavior.FULL_CONE);
    Host server = net.addPublicHost("server");
    Inbox inbox = new Inbox(scheduler);
    server.bind(9).onReceive(inbox);
    DatagramTransport a1 = seq.addHost("a1").bind(5000);
    DatagramTransport a2 = seq.addHost("a2").bind(5000);
    DatagramTransport b1 = keep.addHost("b1").bind(5000);
    DatagramTransport b2 = keep.addHost("b2").bind(5000); // same inside port: cannot be preserved
    for (DatagramTransport t : List.of(a1, a2, b1, b2)) {
      t.send(server.address(9), new byte[] {0});
    }
    scheduler.runUntilIdle();
    assertThat(inbox.arrivals.stream().map(x -> x.from().getPort()))
        .containsExactly(49152, 49153, 5000, 49152);
  }
}
