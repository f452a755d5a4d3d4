package dev.squall.peer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.dtls.DtlsCertificate;
import dev.squall.dtls.DtlsConfig;
import dev.squall.ice.IceConnectionState;
import dev.squall.vnet.LinkConditions;
import dev.squall.vnet.NatBehavior;
import dev.squall.vnet.Packet;
import dev.squall.vnet.Tap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loss, a lost ClientHello, a forged fingerprint and a vanished peer, through the whole stack. */
class ScenarioTest {

  private static final LinkConditions DELAY =
      LinkConditions.PERFECT.withDelay(Duration.ofMillis(10));

  @Test
  void iceAndDtlsCompleteUnderTwentyPercentLossBothWays() {
    // a 100 ms first DTLS timer keeps BouncyCastle's doubling back-off short (it runs in real time)
    DtlsConfig fast = DtlsConfig.defaults().withInitialRetransmit(Duration.ofMillis(100));
    LinkConditions lossy = DELAY.withLoss(0.2);
    try (VnetPeers peers =
        new VnetPeers(NatBehavior.PORT_RESTRICTED_CONE, NatBehavior.FULL_CONE, lossy, 20, fast)
            .negotiate()) {
      // DTLS backs off in real time while virtual time runs ahead of it, so an unlucky run of lost
      // flights spends much virtual time: the real-time limit is the one that bounds this test
      assertThat(peers.runUntilConnected(Duration.ofSeconds(600), Duration.ofSeconds(30))).isTrue();
      assertThat(peers.network.dropped()).isPositive();
      List<String> received = new ArrayList<>();
      peers.bob.pc.onDatagram(d -> received.add(new String(d, UTF_8)));
      for (int i = 0; i < 20; i++) {
        peers.alice.pc.sendDatagram(("m" + i).getBytes(UTF_8));
      }
      peers.scheduler.advance(Duration.ofMillis(500));
      // 20% loss on each of two access links: about 64% arrive
      assertThat(received).hasSizeBetween(6, 19).allMatch(s -> s.startsWith("m"));
    }
  }

  @Test
  void aLostFirstClientHelloIsRetransmitted() {
    DtlsConfig fast = DtlsConfig.defaults().withInitialRetransmit(Duration.ofMillis(100));
    try (VnetPeers peers = new VnetPeers(null, null, DELAY, 3, fast)) {
      List<Packet> hellos = new ArrayList<>();
      // bob answers with a=setup:active, so bob is the DTLS client
      peers
          .bobHost
          .link()
          .up()
          .addTap(
              Tap.observe(
                  p -> {
                    if (isClientHello(p)) {
                      hellos.add(p);
                    }
                  }));
      peers.bobHost.link().up().addTap(Tap.dropNth(1, ScenarioTest::isClientHello));
      peers.negotiate();
      assertThat(peers.runUntilConnected(Duration.ofSeconds(30), Duration.ofSeconds(20))).isTrue();
      assertThat(hellos).hasSizeGreaterThanOrEqualTo(2);
      peers.alice.pc.sendDatagram("after".getBytes(UTF_8));
      peers.scheduler.advance(Duration.ofMillis(100));
      assertThat(peers.bob.datagrams).map(d -> new String(d, UTF_8)).containsExactly("after");
    }
  }

  @Test
  void aFingerprintThatDoesNotMatchFailsTheConnectionAndSaysWhy() {
    String forged = DtlsCertificate.generate().fingerprint().format();
    try (VnetPeers peers =
        new VnetPeers(null, null, DELAY, 5)
            .negotiate(
                sdp -> sdp.replaceAll("a=fingerprint:[^\r\n]+", "a=fingerprint:" + forged))) {
      // alice, the DTLS server, checks bob's certificate against the forged fingerprint
      assertThat(
              peers.runUntil(
                  () -> peers.alice.pc.connectionState() == PeerConnectionState.FAILED,
                  Duration.ofSeconds(30),
                  Duration.ofSeconds(20)))
          .isTrue();
      assertThat(peers.alice.pc.failureReason())
          .startsWith("DTLS failed: remote certificate fingerprint")
          .contains("does not match the SDP fingerprint " + forged);
      assertThat(peers.alice.pc.connected()).isCompletedExceptionally();
      assertThat(peers.alice.states).doesNotContain(PeerConnectionState.CONNECTED);
    }
  }

  @Test
  void aVanishedPeerFailsTheConnectionWithinTheConsentTimeout() {
    try (VnetPeers peers = new VnetPeers(NatBehavior.RESTRICTED_CONE, null, DELAY, 9).negotiate()) {
      assertThat(peers.runUntilConnected(Duration.ofSeconds(30), Duration.ofSeconds(20))).isTrue();
      peers.scheduler.advance(Duration.ofSeconds(3));
      // bob's machine drops off the network without a word
      peers.bobHost.link().up().addTap(Tap.drop(p -> true));
      peers.bobHost.link().down().addTap(Tap.drop(p -> true));
      long vanished = peers.scheduler.nanoTime();
      assertThat(
              peers.runUntil(
                  () -> peers.alice.pc.connectionState() == PeerConnectionState.FAILED,
                  Duration.ofSeconds(60),
                  Duration.ofSeconds(10)))
          .isTrue();
      Duration after = Duration.ofNanos(peers.scheduler.nanoTime() - vanished);
      // RFC 7675 §5.1: consent expires 30 s after the last response, which came before the drop
      assertThat(after).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
      assertThat(peers.alice.iceStates)
          .containsSubsequence(IceConnectionState.DISCONNECTED, IceConnectionState.FAILED);
      assertThat(peers.alice.states)
          .containsSubsequence(
              PeerConnectionState.CONNECTED,
              PeerConnectionState.DISCONNECTED,
              PeerConnectionState.FAILED);
      assertThat(peers.alice.pc.failureReason()).startsWith("ICE failed: consent expired");
    }
  }

  /** A DTLS handshake record (content type 22) holding a ClientHello (handshake type 1). */
  private static boolean isClientHello(Packet p) {
    byte[] d = p.data();
    return d.length > 13 && d[0] == 22 && d[13] == 1;
  }
}
