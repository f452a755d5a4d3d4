package dev.squall.ice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.testkit.Topology;
import dev.squall.vnet.NatBehavior;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What browsers send: {@code .local} host candidates (resolved by a pluggable resolver, or ignored
 * and replaced by the peer-reflexive address) and {@code tcptype active} candidates (ignored).
 */
class BrowserCandidatesTest {

  private final Map<String, InetAddress> names = new HashMap<>();

  /** Bob plays the browser: his host candidate goes out as {@code <uuid>.local}. */
  private IceCandidate mdns(IceCandidate c) {
    if (c.type() != CandidateType.HOST) {
      return c;
    }
    String name = "4a1f0c9e-3b7d-4c1e-9a77-" + Math.abs(c.address().hashCode()) + ".local";
    try {
      names.put(name, InetAddress.getByName(c.address()));
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
    return new IceCandidate(
        c.foundation(),
        1,
        "udp",
        c.priority(),
        name,
        c.port(),
        CandidateType.HOST,
        null,
        -1,
        null,
        c.extensions());
  }

  @Test
  void unresolvableMdnsCandidateIsIgnoredAndThePeerReflexivePathWins() {
    Topology t = Topology.builder().seed(3).build(); // both on the open internet
    IceScenario s = new IceScenario(t, IceRole.CONTROLLING, IceRole.CONTROLLED, 3);
    s.bobRewrite = this::mdns;
    s.start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(5))).isTrue();
    IceCandidatePair pair = s.alice.selectedPair().orElseThrow();
    assertThat(pair.remote().type()).isEqualTo(CandidateType.PEER_REFLEXIVE);
    assertThat(pair.remoteAddress()).isEqualTo(t.bob().address(6000));
  }

  @Test
  void resolvedMdnsCandidateIsCheckedDirectly() {
    Topology t = Topology.builder().seed(3).build();
    IceConfig config =
        IceConfig.defaults()
            .withMdnsResolver(name -> CompletableFuture.completedFuture(names.get(name)));
    IceScenario s = new IceScenario(t, IceRole.CONTROLLING, IceRole.CONTROLLED, 3, config);
    s.bobRewrite = this::mdns;
    s.aliceSignalsCandidates = false; // only alice's checks can make the path
    s.start();
    assertThat(s.runUntilConnected(Duration.ofSeconds(5))).isTrue();
    IceCandidatePair pair = s.alice.selectedPair().orElseThrow();
    assertThat(pair.remote().address()).endsWith(".local");
    assertThat(pair.remoteAddress()).isEqualTo(t.bob().address(6000));
  }

  @Test
  void tcpCandidatesAreIgnored() throws Exception {
    Topology t = Topology.twoPeers(NatBehavior.FULL_CONE, NatBehavior.FULL_CONE, 1);
    IceScenario s = new IceScenario(t, IceRole.CONTROLLING, IceRole.CONTROLLED, 1);
    assertThat(
            s.alice.addRemoteCandidate(
                "candidate:1604419166 1 tcp 1518280447 198.18.0.9 9 typ host tcptype active"
                    + " generation 0 ufrag EEtu network-id 1"))
        .isFalse();
    assertThat(
            s.alice.addRemoteCandidate(
                "candidate:1 2 udp 1518280447 198.18.0.9 9000 typ host")) // RTCP component
        .isFalse();
    assertThat(s.alice.addRemoteCandidate("candidate:1 1 udp 1518280447 198.18.0.9 9000 typ host"))
        .isTrue();
  }
}
