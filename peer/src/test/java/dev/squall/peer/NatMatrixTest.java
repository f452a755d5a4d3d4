package dev.squall.peer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.ice.IceConnectionState;
import dev.squall.vnet.LinkConditions;
import dev.squall.vnet.NatBehavior;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Java ↔ Java through the whole stack on vnet, for every pair of NAT types with a STUN server on
 * the WAN: ICE connects exactly where a direct path exists (RFC 4787: not when one side maps per
 * destination and the other filters by port), then DTLS completes and application datagrams flow
 * both ways; where no path exists, both connections fail and say why.
 */
class NatMatrixTest {

  private static final Logger LOG = LoggerFactory.getLogger(NatMatrixTest.class);

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
  void connectsWhereADirectPathExistsThenDtlsAndDataFlow(Nat a, Nat b, boolean direct) {
    long realStart = System.nanoTime();
    LinkConditions access = LinkConditions.PERFECT.withDelay(Duration.ofMillis(10));
    try (VnetPeers peers = new VnetPeers(a.behavior, b.behavior, access, 7).negotiate()) {
      if (!direct) {
        assertThat(peers.runUntilBothFailed(Duration.ofSeconds(60), Duration.ofSeconds(20)))
            .isTrue();
        for (VnetPeers.Side side : List.of(peers.alice, peers.bob)) {
          assertThat(side.pc.failureReason())
              .matches("ICE failed: all \\d+ candidate pairs failed.*");
          assertThat(side.pc.selectedPair()).isEmpty();
          assertThat(side.states).doesNotContain(PeerConnectionState.CONNECTED);
        }
        report(a, b, realStart);
        return;
      }

      assertThat(peers.runUntilConnected(Duration.ofSeconds(30), Duration.ofSeconds(20))).isTrue();
      assertThat(peers.alice.iceStates).doesNotContain(IceConnectionState.FAILED);
      assertThat(peers.alice.states)
          .containsSubsequence(PeerConnectionState.CONNECTING, PeerConnectionState.CONNECTED);
      if (b.behavior != null) {
        assertThat(peers.alice.pc.selectedPair().orElseThrow().remoteAddress().getAddress())
            .isEqualTo(peers.bobNat.externalAddress());
      }

      for (int i = 0; i < 5; i++) {
        peers.alice.pc.sendDatagram(("a" + i).getBytes(UTF_8));
        peers.bob.pc.sendDatagram(("b" + i).getBytes(UTF_8));
      }
      peers.scheduler.advance(Duration.ofMillis(200));
      assertThat(peers.bob.datagrams)
          .map(d -> new String(d, UTF_8))
          .containsExactly("a0", "a1", "a2", "a3", "a4");
      assertThat(peers.alice.datagrams)
          .map(d -> new String(d, UTF_8))
          .containsExactly("b0", "b1", "b2", "b3", "b4");
      report(a, b, realStart);
    }
  }

  private static void report(Nat a, Nat b, long realStart) {
    LOG.info(
        "{} <-> {} took {} ms of real time",
        a,
        b,
        Duration.ofNanos(System.nanoTime() - realStart).toMillis());
  }
}
