package dev.squall.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.net.DatagramTransport;
import dev.squall.vnet.LinkConditions;
import dev.squall.vnet.NatBehavior;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TopologyTest {

  @Test
  void peersLearnTheirMappingsFromTheServerAndPunchThrough() {
    Topology t =
        Topology.builder()
            .alice(NatBehavior.PORT_RESTRICTED_CONE)
            .bob(NatBehavior.FULL_CONE)
            .accessLinks(LinkConditions.PERFECT.withDelay(Duration.ofMillis(5)))
            .wanLinks(LinkConditions.PERFECT.withDelay(Duration.ofMillis(20)))
            .seed(9)
            .build();
    DatagramTransport server = t.server().bind(3478);
    // a reflector: answers with the source it saw, as STUN would
    server.onReceive(
        (from, data) ->
            server.send(
                from, (from.getAddress().getHostAddress() + ":" + from.getPort()).getBytes()));
    DatagramTransport a = t.alice().bind(5000);
    DatagramTransport b = t.bob().bind(6000);
    DatagramRecorder atA = new DatagramRecorder(t.scheduler());
    DatagramRecorder atB = new DatagramRecorder(t.scheduler());
    a.onReceive(atA);
    b.onReceive(atB);
    a.send(server.localAddress(), new byte[] {1});
    b.send(server.localAddress(), new byte[] {1});
    t.runUntilIdle();
    // 5 + 20 + 20 one way (access, NAT uplink, server link), the same back
    assertThat(atA.last().nanos()).isEqualTo(Duration.ofMillis(90).toNanos());
    InetSocketAddress aPublic = parse(atA.last().data());
    InetSocketAddress bPublic = parse(atB.last().data());
    assertThat(aPublic.getAddress()).isEqualTo(t.aliceNat().externalAddress());
    assertThat(bPublic.getAddress()).isEqualTo(t.bobNat().externalAddress());

    atA.clear();
    a.send(bPublic, Payloads.numbered(1, 32)); // full cone: passes
    t.runUntilIdle();
    b.send(aPublic, Payloads.numbered(2, 32)); // alice sent to bob's mapping: passes
    t.runUntilIdle();
    assertThat(atB.last().from()).isEqualTo(aPublic);
    assertThat(Payloads.sequenceOf(atA.last().data())).isEqualTo(2);
    assertThat(atA.trace()).hasSize(1);
  }

  @Test
  void publicPeersByDefault() {
    Topology t = Topology.twoPeers(NatBehavior.SYMMETRIC, NatBehavior.SYMMETRIC, 1);
    assertThat(t.aliceNat()).isNotNull();
    Topology open = Topology.builder().build();
    assertThat(open.aliceNat()).isNull();
    assertThat(open.bobNat()).isNull();
    assertThat(open.alice().router().isWan()).isTrue();
  }

  private static InetSocketAddress parse(byte[] text) {
    String[] parts = new String(text).split(":");
    return new InetSocketAddress(TestAddresses.ipv4(parts[0]), Integer.parseInt(parts[1]));
  }
}
