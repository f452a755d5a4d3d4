package dev.squall.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.testkit.Topology;
import dev.squall.vnet.NatBehavior;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java ↔ Java on vnet for every pair of NAT types, a STUN server on the WAN. A direct path exists
 * unless one side maps per destination (symmetric) and the other filters by port (symmetric or
 * port-restricted cone): RFC 4787 mapping and filtering decide, and ICE must agree.
 */
class NatMatrixTest {

  enum Nat {
    OPEN(null),
    FULL_CONE(NatBehavior.FULL_CONE),
    RESTRICTED_CONE(NatBehavior.RESTRICTED_CONE),
    PORT_RESTRICTED_CONE(NatBehavior.PORT_RESTRICTED_CONE),
    SYMMETRIC(NatBehavior.SYMMETRIC);

    final NatBehavior behavior;

    Nat(NatBehavior behavior) {
      this.behavior = behavior;
    }

    boolean portFiltering() {
      return this == PORT_RESTRICTED_CONE || this == SYMMETRIC;
    }
  }

  static Stream<Arguments> matrix() {
    List<Arguments> all = new ArrayList<>();
    for (Nat a : Nat.values()) {
      for (Nat b : Nat.values()) {
        boolean direct =
            !((a == Nat.SYMMETRIC && b.portFiltering())
                || (b == Nat.SYMMETRIC && a.portFiltering()));
        all.add(Arguments.of(a, b, direct));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} <-> {1}: direct path {2}")
  @MethodSource("matrix")
  void connectsExactlyWhereADirectPathExists(Nat a, Nat b, boolean direct) {
    Topology.Builder tb = Topology.builder().seed(7);
    if (a.behavior != null) {
      tb.alice(a.behavior);
    }
    if (b.behavior != null) {
      tb.bob(b.behavior);
    }
    IceScenario s =
        new IceScenario(tb.build(), IceRole.CONTROLLING, IceRole.CONTROLLED, 11).start();

    if (!direct) {
      assertThat(s.runUntilBothFailed(Duration.ofSeconds(40))).isTrue();
      for (IceAgent agent : List.of(s.alice, s.bob)) {
        assertThat(agent.failureReason()).matches("all \\d+ candidate pairs failed: .*");
        assertThat(agent.selectedPair()).isEmpty();
      }
      assertThat(s.alice.failureReason()).contains("no response to 7 transmissions");
      return;
    }

    assertThat(s.runUntilConnected(Duration.ofSeconds(30))).isTrue();
    IceCandidatePair ap = s.alice.selectedPair().orElseThrow();
    IceCandidatePair bp = s.bob.selectedPair().orElseThrow();
    // each side sends to where the other one's datagrams come from
    assertThat(ap.localAddress()).isEqualTo(s.topology.alice().address(5000));
    assertThat(bp.localAddress()).isEqualTo(s.topology.bob().address(6000));
    if (a.behavior != null && b.behavior != null) {
      assertThat(ap.remoteAddress().getAddress()).isEqualTo(s.topology.bobNat().externalAddress());
      assertThat(bp.remoteAddress().getAddress())
          .isEqualTo(s.topology.aliceNat().externalAddress());
    }

    for (int i = 1; i <= 5; i++) {
      assertThat(s.alice.send(Datagrams.numbered(i, 200))).isTrue();
      assertThat(s.bob.send(Datagrams.numbered(100 + i, 300))).isTrue();
    }
    s.topology.run(Duration.ofSeconds(1));
    assertThat(s.bobSide.data).hasSize(5).allMatch(d -> d.length == 200);
    assertThat(s.aliceSide.data).hasSize(5).allMatch(d -> d.length == 300);
    assertThat(Datagrams.sequenceOf(s.bobSide.data.get(4))).isEqualTo(5);
    assertThat(Datagrams.sequenceOf(s.aliceSide.data.get(0))).isEqualTo(101);

    // both sides signalled end-of-candidates and finished gathering
    s.topology.run(Duration.ofSeconds(25));
    assertThat(s.alice.state()).isEqualTo(IceConnectionState.COMPLETED);
    assertThat(s.bob.state()).isEqualTo(IceConnectionState.COMPLETED);
    assertThat(s.aliceSide.states).doesNotContain(IceConnectionState.FAILED);
  }
}
