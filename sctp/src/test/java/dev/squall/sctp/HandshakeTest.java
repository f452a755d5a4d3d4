package dev.squall.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.sctp.chunk.ChunkType;
import dev.squall.vnet.Tap;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandshakeTest {

  private static final SctpConfig CONFIG = SctpConfig.DEFAULT;

  @Test
  void simultaneousConnectEstablishesBothAndCarriesAMessage() {
    Pair pair = new Pair(1, Pair.delay(10), CONFIG);
    pair.establish();
    assertThat(pair.alice.association.state()).isEqualTo(SctpState.ESTABLISHED);
    assertThat(pair.bob.association.state()).isEqualTo(SctpState.ESTABLISHED);
    pair.alice.association.send(1, 51, "hello".getBytes());
    pair.runUntil(() -> !pair.bob.messages.isEmpty(), Duration.ofSeconds(5));
    assertThat(pair.bob.messages).hasSize(1);
    assertThat(new String(pair.bob.messages.get(0).data())).isEqualTo("hello");
    assertThat(pair.bob.messages.get(0).ppid()).isEqualTo(51);
    assertThat(pair.bob.messages.get(0).stream()).isEqualTo(1);
  }

  @Test
  void oneSidedConnectIsAnsweredByThePassiveEnd() {
    Pair pair = new Pair(2, Pair.delay(20), CONFIG);
    pair.alice.association.connect();
    pair.runUntil(() -> pair.alice.established() && pair.bob.established(), Duration.ofSeconds(5));
    // 20 ms one way: INIT arrives at 20 ms, INIT-ACK at 40,
    // COOKIE-ECHO at 60 (bob established), COOKIE-ACK at 80 (alice established)
    assertThat(pair.bob.establishedAt).isEqualTo(Duration.ofMillis(60).toNanos());
    assertThat(pair.alice.establishedAt).isEqualTo(Duration.ofMillis(80).toNanos());
  }

  @Test
  void lostCookieEchoIsRetransmittedByT1CookieAfterOneRto() {
    Pair pair = new Pair(3, Pair.delay(20), CONFIG);
    pair.aliceUp().addTap(Tap.dropNth(1, Pair.carries(ChunkType.COOKIE_ECHO)));
    pair.alice.association.connect();
    pair.runUntil(() -> pair.alice.established(), Duration.ofSeconds(10));
    // COOKIE-ECHO sent at 40 ms and lost; T1-cookie (RTO.Initial 1 s) resends at 1040 ms
    assertThat(pair.bob.establishedAt).isEqualTo(Duration.ofMillis(1060).toNanos());
    assertThat(pair.alice.establishedAt).isEqualTo(Duration.ofMillis(1080).toNanos());
  }

  @Test
  void lostInitsBackOffDoublingAndGiveUpAfterMaxInitRetransmits() {
    Pair pair = new Pair(4, Pair.delay(10), CONFIG);
    java.util.List<Long> initTimes = new java.util.ArrayList<>();
    pair.aliceUp()
        .addTap(
            Tap.matching(
                Pair.carries(ChunkType.INIT),
                (i, p) -> {
                  initTimes.add(pair.scheduler.nanoTime() / 1_000_000);
                  return null;
                }));
    pair.alice.association.connect();
    pair.runUntil(() -> pair.alice.closed != null, Duration.ofMinutes(10));
    // 1 + 8 retransmissions at 0, 1, 3, 7, 15, 31, 63, 123 (RTO capped at 60 s), 183 s
    assertThat(initTimes)
        .containsExactly(0L, 1000L, 3000L, 7000L, 15000L, 31000L, 63000L, 123000L, 183000L);
    assertThat(pair.alice.closed.kind()).isEqualTo(CloseReason.Kind.TIMEOUT);
    assertThat(pair.alice.closedAt).isEqualTo(Duration.ofSeconds(243).toNanos());
    assertThat(pair.bob.established()).isFalse();
  }
}
