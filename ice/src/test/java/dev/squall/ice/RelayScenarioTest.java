package dev.squall.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunException;
import dev.squall.stun.StunMessage;
import dev.squall.testkit.Topology;
import dev.squall.turn.client.TurnEndpoint;
import dev.squall.turn.client.TurnTransport;
import dev.squall.vnet.NatBehavior;
import dev.squall.vnet.Tap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Relay candidates on vnet and virtual time, with Squall's TURN server core on the WAN: two
 * symmetric NATs that defeat every direct path connect through the relay; the RELAY policy signals
 * and selects relay candidates only; allocations, permissions and channels stay alive for 30
 * minutes of traffic; closing the agent deletes its allocation; a refused credential is reported.
 */
class RelayScenarioTest {

  private VnetTurnServer turn;

  @AfterEach
  void closeServer() {
    if (turn != null) {
      turn.close();
    }
  }

  private IceScenario scenario(Topology t, IceConfig config) {
    turn = new VnetTurnServer(t);
    return new IceScenario(
        t,
        IceRole.CONTROLLING,
        IceRole.CONTROLLED,
        21,
        config.withTurnServers(List.of(turn.endpoint())));
  }

  private static Topology symmetricBoth() {
    return Topology.builder()
        .alice(NatBehavior.SYMMETRIC)
        .bob(NatBehavior.SYMMETRIC)
        .seed(7)
        .build();
  }

  @Test
  void twoSymmetricNatsConnectThroughTheRelay() {
    IceScenario s = scenario(symmetricBoth(), IceConfig.defaults()).start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(40))).isTrue();

    assertThat(s.aliceSide.candidates)
        .extracting(IceCandidate::type)
        .contains(CandidateType.HOST, CandidateType.SERVER_REFLEXIVE, CandidateType.RELAYED);
    IceCandidate relay =
        s.aliceSide.candidates.stream()
            .filter(c -> c.type() == CandidateType.RELAYED)
            .findFirst()
            .orElseThrow();
    // typ relay raddr/rport: the mapped address the server saw, RFC 8445 relay priority
    assertThat(relay.address()).isEqualTo(s.topology.server().ip().getHostAddress());
    assertThat(relay.relatedAddress())
        .isEqualTo(s.topology.aliceNat().externalAddress().getHostAddress());
    assertThat(relay.priority() >>> 24).isZero();
    assertThat(relay.format()).contains(" typ relay raddr ");

    IceCandidatePair ap = s.alice.selectedPair().orElseThrow();
    IceCandidatePair bp = s.bob.selectedPair().orElseThrow();
    assertThat(usesRelay(ap)).as("alice's pair %s", ap).isTrue();
    assertThat(usesRelay(bp)).as("bob's pair %s", bp).isTrue();

    for (int i = 1; i <= 20; i++) {
      assertThat(s.alice.send(Datagrams.numbered(i, 500))).isTrue();
      assertThat(s.bob.send(Datagrams.numbered(100 + i, 700))).isTrue();
    }
    s.topology.run(Duration.ofSeconds(1));
    assertThat(s.bobSide.data).hasSize(20).allMatch(d -> d.length == 500);
    assertThat(s.aliceSide.data).hasSize(20).allMatch(d -> d.length == 700);
    assertThat(Datagrams.sequenceOf(s.bobSide.data.get(19))).isEqualTo(20);
    assertThat(turn.stats.relayedPacketsToPeer()).isGreaterThanOrEqualTo(20);
  }

  @Test
  void relayPolicyOnOpenNetworksSignalsAndSelectsRelayCandidatesOnly() {
    Topology open = Topology.builder().seed(3).build();
    IceScenario s =
        scenario(open, IceConfig.defaults().withTransportPolicy(IceTransportPolicy.RELAY)).start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(20))).isTrue();

    for (IceScenario.Side side : List.of(s.aliceSide, s.bobSide)) {
      assertThat(side.candidates)
          .isNotEmpty()
          .allMatch(c -> c.type() == CandidateType.RELAYED, "relay only");
    }
    for (IceAgent agent : List.of(s.alice, s.bob)) {
      IceCandidatePair p = agent.selectedPair().orElseThrow();
      assertThat(p.local().type()).isEqualTo(CandidateType.RELAYED);
      assertThat(agent.candidatePairStats())
          .allMatch(stats -> stats.pair().local().type() == CandidateType.RELAYED);
      assertThat(agent.localCandidates())
          .noneMatch(
              c -> c.type() == CandidateType.HOST || c.type() == CandidateType.SERVER_REFLEXIVE);
    }
    s.alice.send(Datagrams.numbered(1, 100));
    s.bob.send(Datagrams.numbered(2, 100));
    s.topology.run(Duration.ofMillis(500));
    assertThat(s.aliceSide.data).hasSize(1);
    assertThat(s.bobSide.data).hasSize(1);
  }

  @Test
  void refreshesKeepDataFlowingForThirtyMinutesAndCloseReleasesTheAllocation() {
    IceScenario s =
        scenario(
                symmetricBoth(), IceConfig.defaults().withTransportPolicy(IceTransportPolicy.RELAY))
            .start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(20))).isTrue();
    assertThat(turn.server.allocationCount()).isEqualTo(2);
    long relayedBefore = turn.stats.relayedPacketsToPeer();
    // what alice sends to the TURN server: ChannelData (first byte 0x40-0x4F) once the channel of
    // the selected pair is bound, and the TURN requests that keep the relay alive
    List<Integer> toServer = new ArrayList<>();
    List<String> requests = new ArrayList<>();
    s.topology
        .alice()
        .link()
        .up()
        .addTap(
            Tap.observe(
                p -> {
                  toServer.add(p.firstByte());
                  if (p.firstByte() < 4) {
                    requests.add(method(p.data()));
                  }
                }));

    // a datagram each way every 20 s for 30 minutes: allocation refreshes (lifetime 600 s),
    // permission refreshes (300 s) and channel refreshes (600 s) must all get through
    int rounds = 30 * 3;
    for (int i = 0; i < rounds; i++) {
      s.alice.send(Datagrams.numbered(i, 200));
      s.bob.send(Datagrams.numbered(10_000 + i, 200));
      s.topology.run(Duration.ofSeconds(20));
      assertThat(s.bobSide.data).as("round %d", i).hasSize(i + 1);
      assertThat(s.aliceSide.data).as("round %d", i).hasSize(i + 1);
    }
    assertThat(s.alice.state()).isEqualTo(IceConnectionState.COMPLETED);
    assertThat(s.bob.state()).isEqualTo(IceConnectionState.COMPLETED);
    assertThat(s.aliceSide.selected).hasSize(1);
    assertThat(turn.server.allocationCount()).isEqualTo(2);
    assertThat(turn.stats.relayedPacketsToPeer() - relayedBefore)
        .isGreaterThanOrEqualTo(2 * rounds);
    assertThat(toServer.stream().filter(b -> (b & 0xF0) == 0x40).count())
        .as("ChannelData from alice")
        .isGreaterThanOrEqualTo(rounds);
    // 30 minutes: Refresh every 540 s, CreatePermission every 240 s, ChannelBind every 540 s
    assertThat(requests.stream().filter("Refresh"::equals).count()).isGreaterThanOrEqualTo(3);
    assertThat(requests.stream().filter("CreatePermission"::equals).count())
        .isGreaterThanOrEqualTo(7);
    assertThat(requests.stream().filter("ChannelBind"::equals).count()).isGreaterThanOrEqualTo(3);

    s.alice.close();
    s.topology.run(Duration.ofSeconds(1));
    assertThat(turn.server.allocationCount()).isEqualTo(1);
    s.bob.close();
    s.topology.run(Duration.ofSeconds(1));
    assertThat(turn.server.allocationCount()).isZero();
  }

  @Test
  void aRefusedCredentialLeavesNoRelayAndSaysWhy() {
    Topology t = symmetricBoth();
    turn = new VnetTurnServer(t);
    IceScenario s =
        new IceScenario(
            t,
            IceRole.CONTROLLING,
            IceRole.CONTROLLED,
            21,
            IceConfig.defaults()
                .withTransportPolicy(IceTransportPolicy.RELAY)
                .withTurnServers(List.of(turn.wrongPassword())));
    s.start();
    assertThat(s.runUntilBothFailed(Duration.ofSeconds(40))).isTrue();
    assertThat(s.aliceSide.candidates).isEmpty();
    assertThat(s.alice.failureReason())
        .contains("TURN")
        .contains("refused the credentials of user 'ice'");
    assertThat(turn.server.allocationCount()).isZero();
  }

  @Test
  void aRelayOverATcpConnectionToTheServerCarriesPaddedChannelData() {
    Topology open = Topology.builder().seed(5).build();
    turn = new VnetTurnServer(open);
    MemoryTurnConnector tcp = new MemoryTurnConnector(turn.server, turn.listener.localAddress());
    TurnEndpoint overTcp =
        new TurnEndpoint(
            turn.listener.localAddress(),
            TurnTransport.TCP,
            VnetTurnServer.USER,
            VnetTurnServer.PASSWORD,
            null);
    IceConfig relayOnly = IceConfig.defaults().withTransportPolicy(IceTransportPolicy.RELAY);
    IceScenario s =
        new IceScenario(
                open,
                IceRole.CONTROLLING,
                IceRole.CONTROLLED,
                21,
                relayOnly.withTurnServers(List.of(overTcp)).withTurnConnector(tcp))
            .start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(20))).isTrue();
    assertThat(s.aliceSide.candidates).hasSize(1);
    assertThat(s.alice.selectedPair().orElseThrow().local().type())
        .isEqualTo(CandidateType.RELAYED);

    s.alice.send(Datagrams.numbered(1, 101)); // 101 bytes: ChannelData padded by 3 on the stream
    s.bob.send(Datagrams.numbered(2, 102));
    s.topology.run(Duration.ofMillis(500));
    assertThat(s.bobSide.data).hasSize(1).allMatch(d -> d.length == 101);
    assertThat(s.aliceSide.data).hasSize(1).allMatch(d -> d.length == 102);
    assertThat(tcp.toClients)
        .filteredOn(m -> (m[0] & 0xF0) == 0x40)
        .isNotEmpty()
        .allMatch(m -> m.length % 4 == 0, "padded to 4");

    s.alice.close();
    s.bob.close();
    s.topology.run(Duration.ofSeconds(1));
    assertThat(turn.server.allocationCount()).isZero();
  }

  private static String method(byte[] data) {
    try {
      StunMessage m = StunMessage.decode(data);
      return m.messageClass() == StunClass.REQUEST ? m.method().toString() : "";
    } catch (StunException e) {
      return "";
    }
  }

  private static boolean usesRelay(IceCandidatePair p) {
    return p.local().type() == CandidateType.RELAYED || p.remote().type() == CandidateType.RELAYED;
  }
}
