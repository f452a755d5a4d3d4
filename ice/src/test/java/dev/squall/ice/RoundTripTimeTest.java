package dev.squall.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.testkit.Topology;
import dev.squall.vnet.LinkConditions;
import dev.squall.vnet.Tap;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Round-trip times and STUN counters of the selected pair, on virtual time: alice's access link
 * delays each direction by a fixed amount and every other link is perfect, so every round trip
 * between the two agents takes exactly twice that delay.
 */
class RoundTripTimeTest {

  private static final Duration DELAY = Duration.ofMillis(40);

  private static IceScenario scenario(long seed) {
    Topology t = Topology.builder().seed(seed).build();
    t.alice().link().setConditions(LinkConditions.PERFECT.withDelay(DELAY));
    return new IceScenario(t, IceRole.CONTROLLING, IceRole.CONTROLLED, seed);
  }

  @Test
  void checksMeasureTwiceTheLinkDelayOnBothSides() {
    IceScenario s = scenario(7).start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(10))).isTrue();
    s.topology.run(Duration.ofSeconds(1)); // no check or consent request is in flight now
    for (IceAgent agent : new IceAgent[] {s.alice, s.bob}) {
      IceCandidatePairStats p = agent.selectedPairStats().orElseThrow();
      assertThat(p.pair()).isEqualTo(agent.selectedPair().orElseThrow());
      assertThat(p.state()).isEqualTo("succeeded");
      assertThat(p.nominated()).isTrue();
      assertThat(p.currentRoundTripTime()).contains(DELAY.multipliedBy(2));
      assertThat(p.roundTripTimeMeasurements()).isPositive();
      assertThat(p.totalRoundTripTime())
          .isEqualTo(DELAY.multipliedBy(2).multipliedBy(p.roundTripTimeMeasurements()));
      // nothing was retransmitted: every request was answered, each answer is a sample
      assertThat(p.requestsSent()).isPositive();
      assertThat(p.responsesReceived())
          .isEqualTo(p.requestsSent())
          .isEqualTo(p.roundTripTimeMeasurements());
      assertThat(p.requestsReceived()).isPositive().isEqualTo(p.responsesSent());
      assertThat(p.consentRequestsSent()).isZero();
    }
    IceCandidatePairStats a = s.alice.selectedPairStats().orElseThrow();
    IceCandidatePairStats b = s.bob.selectedPairStats().orElseThrow();
    assertThat(a.requestsReceived()).isEqualTo(b.requestsSent());
    assertThat(b.requestsReceived()).isEqualTo(a.requestsSent());
    assertThat(s.alice.candidatePairStats()).contains(a);
  }

  @Test
  void consentRequestsMeasureTheCurrentRoundTripTime() {
    IceScenario s = scenario(8).start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(10))).isTrue();
    s.topology.run(Duration.ofSeconds(1));
    IceCandidatePairStats before = s.alice.selectedPairStats().orElseThrow();
    Duration slower = Duration.ofMillis(150);
    s.topology.alice().link().setConditions(LinkConditions.PERFECT.withDelay(slower));
    // consent requests every 5 s ±20 %: at least two in 12 s
    s.topology.run(Duration.ofSeconds(12));
    IceCandidatePairStats after = s.alice.selectedPairStats().orElseThrow();
    long samples = after.roundTripTimeMeasurements() - before.roundTripTimeMeasurements();
    assertThat(after.consentRequestsSent()).isGreaterThanOrEqualTo(2);
    assertThat(samples).isBetween(after.consentRequestsSent() - 1, after.consentRequestsSent());
    assertThat(after.currentRoundTripTime()).contains(slower.multipliedBy(2));
    assertThat(after.totalRoundTripTime().minus(before.totalRoundTripTime()))
        .isEqualTo(slower.multipliedBy(2).multipliedBy(samples));
    assertThat(after.requestsSent()).as("no new checks").isEqualTo(before.requestsSent());
    IceCandidatePairStats bob = s.bob.selectedPairStats().orElseThrow();
    assertThat(bob.consentRequestsSent()).isGreaterThanOrEqualTo(2);
    assertThat(bob.currentRoundTripTime()).contains(slower.multipliedBy(2));
  }

  @Test
  void aRetransmittedCheckGivesNoSample() {
    IceScenario s = scenario(9);
    int bobPort = s.bob.localCandidates().isEmpty() ? 6000 : s.bob.localCandidates().get(0).port();
    // alice's first Binding request to bob is lost, so that check is retransmitted (RTO 250 ms)
    s.topology
        .alice()
        .link()
        .up()
        .addTap(Tap.dropNth(1, p -> p.firstByte() == 0 && p.to().getPort() == bobPort));
    s.start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(10))).isTrue();
    s.topology.run(Duration.ofSeconds(1));
    IceCandidatePairStats a = s.alice.selectedPairStats().orElseThrow();
    assertThat(a.responsesReceived() - a.roundTripTimeMeasurements()).isEqualTo(1);
    assertThat(a.currentRoundTripTime()).contains(DELAY.multipliedBy(2));
    assertThat(a.totalRoundTripTime())
        .isEqualTo(DELAY.multipliedBy(2).multipliedBy(a.roundTripTimeMeasurements()));
  }
}
