package dev.squall.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.net.DatagramTransport;
import dev.squall.testkit.Topology;
import dev.squall.vnet.Host;
import dev.squall.vnet.LinkConditions;
import dev.squall.vnet.NatBehavior;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Loss, role conflicts, trickle timing, consent and ICE restart on vnet and virtual time. */
class ScenarioTest {

  private static Topology natted(long seed) {
    return Topology.builder()
        .alice(NatBehavior.PORT_RESTRICTED_CONE)
        .bob(NatBehavior.RESTRICTED_CONE)
        .accessLinks(LinkConditions.PERFECT.withDelay(Duration.ofMillis(5)))
        .wanLinks(LinkConditions.PERFECT.withDelay(Duration.ofMillis(20)))
        .seed(seed)
        .build();
  }

  private static int exchange(IceScenario s, int count) {
    for (int i = 0; i < count; i++) {
      s.alice.send(Datagrams.numbered(i, 100));
      s.bob.send(Datagrams.numbered(1000 + i, 100));
    }
    s.topology.run(Duration.ofSeconds(2));
    return Math.min(s.aliceSide.data.size(), s.bobSide.data.size());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void connectsThrough20PercentLossDelayAndJitter(long seed) {
    LinkConditions bad =
        LinkConditions.PERFECT
            .withDelay(Duration.ofMillis(30))
            .withJitter(Duration.ofMillis(40))
            .withLoss(0.2);
    Topology t =
        Topology.builder()
            .alice(NatBehavior.PORT_RESTRICTED_CONE)
            .bob(NatBehavior.FULL_CONE)
            .accessLinks(bad)
            .wanLinks(LinkConditions.PERFECT.withDelay(Duration.ofMillis(10)))
            .seed(seed)
            .build();
    IceScenario s = new IceScenario(t, IceRole.CONTROLLING, IceRole.CONTROLLED, seed).start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(20))).isTrue();
    // 20 % loss on each of two access links: about 64 % of datagrams get through
    int delivered = exchange(s, 100);
    assertThat(delivered).isBetween(40, 85);
    assertThat(s.alice.selectedPair().orElseThrow().remoteAddress())
        .isEqualTo(
            s.bob.selectedPair().isPresent() ? s.aliceSide.selected.get(0).remoteAddress() : null);
  }

  @ParameterizedTest(name = "both {0}")
  @ValueSource(strings = {"CONTROLLING", "CONTROLLED"})
  void roleConflictResolves(IceRole both) {
    IceScenario s = new IceScenario(natted(3), both, both, 21).start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(10))).isTrue();
    assertThat(s.alice.role()).isNotEqualTo(s.bob.role());
    assertThat(exchange(s, 3)).isEqualTo(3);
  }

  @Test
  void learnsPeerReflexiveCandidatesWhenThePeerSignalsNone() {
    Topology t =
        Topology.builder().alice(NatBehavior.FULL_CONE).bob(NatBehavior.SYMMETRIC).seed(5).build();
    IceScenario s = new IceScenario(t, IceRole.CONTROLLING, IceRole.CONTROLLED, 5);
    s.bobSignalsCandidates = false; // bob only gives his credentials
    s.start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(10))).isTrue();
    IceCandidatePair ap = s.alice.selectedPair().orElseThrow();
    assertThat(ap.remote().type()).isEqualTo(CandidateType.PEER_REFLEXIVE);
    assertThat(ap.remoteAddress().getAddress()).isEqualTo(t.bobNat().externalAddress());
    assertThat(exchange(s, 3)).isEqualTo(3);
  }

  @Test
  void lateTrickledCandidatesStillConnect() {
    IceScenario s = new IceScenario(natted(8), IceRole.CONTROLLING, IceRole.CONTROLLED, 8);
    s.signallingDelay = Duration.ofSeconds(3);
    s.start();
    s.topology.run(Duration.ofMillis(2900));
    assertThat(s.alice.state()).isEqualTo(IceConnectionState.CHECKING);
    assertThat(s.bob.state()).isEqualTo(IceConnectionState.CHECKING);
    assertThat(s.alice.selectedPair()).isEmpty();
    assertThat(s.runUntilConnected(Duration.ofSeconds(5))).isTrue();
    assertThat(s.scheduler.nanoTime()).isGreaterThanOrEqualTo(Duration.ofSeconds(3).toNanos());
    assertThat(exchange(s, 3)).isEqualTo(3);
  }

  @Test
  void consentExpiresThirtySecondsAfterTheLastResponseWhenThePeerVanishes() {
    IceScenario s = new IceScenario(natted(4), IceRole.CONTROLLING, IceRole.CONTROLLED, 4).start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(10))).isTrue();
    s.topology.run(Duration.ofSeconds(40)); // consent keeps it alive meanwhile
    assertThat(s.connected(s.alice)).isTrue();
    long t0 = s.scheduler.nanoTime();
    s.topology.bob().link().setConditions(LinkConditions.PERFECT.withLoss(1.0));

    // the last response came at most 1.2 x 5 s before t0: not failed before t0 + 24 s
    s.scheduler.runUntil(
        () -> s.alice.state() == IceConnectionState.FAILED, Duration.ofSeconds(24));
    assertThat(s.alice.state()).isEqualTo(IceConnectionState.DISCONNECTED);
    assertThat(s.alice.send(Datagrams.numbered(1, 10))).isTrue();

    assertThat(
            s.scheduler.runUntil(
                () -> s.alice.state() == IceConnectionState.FAILED, Duration.ofSeconds(6)))
        .isTrue();
    long after = s.aliceSide.failedAtNanos - t0;
    assertThat(after).isBetween(Duration.ofSeconds(24).toNanos(), Duration.ofSeconds(30).toNanos());
    assertThat(s.alice.failureReason()).startsWith("consent expired").contains("30 s");
    assertThat(s.alice.send(Datagrams.numbered(2, 10))).isFalse();
    assertThat(s.aliceSide.states)
        .containsSubsequence(
            IceConnectionState.CONNECTED,
            IceConnectionState.DISCONNECTED,
            IceConnectionState.FAILED);
  }

  @Test
  void restartKeepsTheSelectedPairUntilTheNewOneIsNominated() {
    IceScenario s = new IceScenario(natted(6), IceRole.CONTROLLING, IceRole.CONTROLLED, 6).start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(10))).isTrue();
    IceCredentials before = s.alice.localCredentials();
    IceCandidatePair old = s.alice.selectedPair().orElseThrow();

    s.restartBoth();
    assertThat(s.alice.localCredentials()).isNotEqualTo(before);
    assertThat(s.alice.selectedPair()).contains(old);
    assertThat(s.alice.send(Datagrams.numbered(7, 50))).isTrue();
    assertThat(s.connected(s.alice)).isTrue();

    s.topology.run(Duration.ofSeconds(5));
    assertThat(s.aliceSide.data.size() + s.bobSide.data.size()).isGreaterThanOrEqualTo(1);
    assertThat(s.aliceSide.selected).hasSize(2);
    assertThat(s.bobSide.selected).hasSizeGreaterThanOrEqualTo(2);
    assertThat(s.connected(s.alice) && s.connected(s.bob)).isTrue();
    // the old session's consent ended; the new one keeps the pair alive well past 30 s
    s.topology.run(Duration.ofSeconds(60));
    assertThat(s.connected(s.alice) && s.connected(s.bob)).isTrue();
    assertThat(exchange(s, 3)).isEqualTo(3);
  }

  @Test
  void restartOverANewPathReconnectsAfterTheOldOneDied() {
    Topology t = natted(9);
    IceScenario s = new IceScenario(t, IceRole.CONTROLLING, IceRole.CONTROLLED, 9).start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(10))).isTrue();

    // alice's first network goes away; she comes back on another one behind another NAT
    t.alice().link().setConditions(LinkConditions.PERFECT.withLoss(1.0));
    s.scheduler.runUntil(
        () -> s.alice.state() == IceConnectionState.DISCONNECTED, Duration.ofSeconds(20));
    assertThat(s.alice.state()).isEqualTo(IceConnectionState.DISCONNECTED);
    Host lte = t.network().addNat("lte", NatBehavior.SYMMETRIC).addHost("aliceLte");
    DatagramTransport second = lte.bind(7000);
    IceCredentials a = s.alice.restart(List.of(second));
    IceCredentials b = s.bob.restart();
    s.alice.setRemoteCredentials(b);
    s.bob.setRemoteCredentials(a);

    assertThat(
            s.scheduler.runUntil(
                () ->
                    s.alice.selectedPair().orElseThrow().localAddress().equals(lte.address(7000))
                        && s.connected(s.alice)
                        && s.connected(s.bob),
                Duration.ofSeconds(10)))
        .isTrue();
    assertThat(s.bob.selectedPair().orElseThrow().remoteAddress().getAddress())
        .isEqualTo(lte.router().externalAddress());
    assertThat(exchange(s, 3)).isEqualTo(3);
    s.topology.run(Duration.ofSeconds(45));
    assertThat(s.alice.state()).isNotIn(IceConnectionState.FAILED, IceConnectionState.DISCONNECTED);
  }
}
