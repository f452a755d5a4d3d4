package dev.squall.sctp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.sctp.chunk.ChunkType;
import dev.squall.testkit.Payloads;
import dev.squall.vnet.Tap;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Shutdown, abort, limits, heartbeat and buffered-amount accounting. */
class LifecycleTest {

  private final Pair pair = new Pair(51, Pair.delay(20), SctpConfig.DEFAULT);

  @Test
  void shutdownByTheSenderDeliversEverythingFirst() {
    pair.establish();
    for (int i = 0; i < 50; i++) {
      pair.alice.association.send(0, 53, Payloads.numbered(i, 2000));
    }
    pair.alice.association.shutdown();
    assertThat(pair.alice.association.send(0, 53, new byte[1])).isFalse();
    pair.runUntil(
        () -> pair.alice.closed != null && pair.bob.closed != null, Duration.ofSeconds(10));
    assertThat(pair.bob.messages).hasSize(50);
    assertThat(pair.alice.closed.kind()).isEqualTo(CloseReason.Kind.SHUTDOWN);
    assertThat(pair.bob.closed.kind()).isEqualTo(CloseReason.Kind.SHUTDOWN);
    assertThat(pair.alice.association.state()).isEqualTo(SctpState.CLOSED);
    assertThat(pair.bob.association.state()).isEqualTo(SctpState.CLOSED);
  }

  @Test
  void shutdownByTheReceiverLetsThePeerFinishSending() {
    pair.establish();
    for (int i = 0; i < 30; i++) {
      pair.alice.association.send(0, 53, Payloads.numbered(i, 3000));
    }
    pair.bob.association.shutdown();
    pair.runUntil(
        () -> pair.alice.closed != null && pair.bob.closed != null, Duration.ofSeconds(10));
    assertThat(pair.bob.messages).hasSize(30);
    assertThat(pair.bob.messages).allMatch(m -> Payloads.verify(m.data()));
    assertThat(pair.alice.closed.kind()).isEqualTo(CloseReason.Kind.SHUTDOWN);
    assertThat(pair.bob.closed.kind()).isEqualTo(CloseReason.Kind.SHUTDOWN);
  }

  @Test
  void aLostShutdownIsRetransmittedByT2() {
    pair.establish();
    pair.aliceUp().addTap(Tap.dropNth(1, Pair.carries(ChunkType.SHUTDOWN)));
    long t0 = pair.scheduler.nanoTime();
    pair.alice.association.shutdown();
    pair.runUntil(() -> pair.bob.closed != null, Duration.ofSeconds(10));
    // T2-shutdown = RTO (1 s): SHUTDOWN reaches bob at 1020 ms, his SHUTDOWN-ACK alice at 1040
    // (she closes), her SHUTDOWN-COMPLETE bob at 1060
    assertThat(pair.alice.closedAt - t0).isEqualTo(Duration.ofMillis(1040).toNanos());
    assertThat(pair.bob.closedAt - t0).isEqualTo(Duration.ofMillis(1060).toNanos());
    assertThat(pair.alice.closed.kind()).isEqualTo(CloseReason.Kind.SHUTDOWN);
    assertThat(pair.bob.closed.kind()).isEqualTo(CloseReason.Kind.SHUTDOWN);
  }

  @Test
  void abortClosesBothEndsWithTheReason() {
    pair.establish();
    pair.alice.association.abort("user went away");
    assertThat(pair.alice.closed.kind()).isEqualTo(CloseReason.Kind.LOCAL_ABORT);
    pair.runUntil(() -> pair.bob.closed != null, Duration.ofSeconds(1));
    assertThat(pair.bob.closed.kind()).isEqualTo(CloseReason.Kind.PEER_ABORT);
    assertThat(pair.bob.closed.message()).contains("user went away");
    assertThat(pair.alice.association.send(0, 51, new byte[1])).isFalse();
  }

  @Test
  void aMessageAboveTheReceiversLimitAbortsTheAssociation() {
    SctpConfig big = SctpConfig.builder().maxMessageSize(1024 * 1024).build();
    Pair p = new Pair(52, Pair.delay(20), big, SctpConfig.DEFAULT);
    p.establish();
    p.alice.association.send(0, 53, new byte[300_000]);
    p.runUntil(() -> p.alice.closed != null && p.bob.closed != null, Duration.ofSeconds(10));
    assertThat(p.bob.closed.kind()).isEqualTo(CloseReason.Kind.PROTOCOL_ERROR);
    assertThat(p.bob.closed.message()).contains("maximum message size of 262144");
    assertThat(p.alice.closed.kind()).isEqualTo(CloseReason.Kind.PEER_ABORT);
    assertThat(p.alice.closed.message()).contains("maximum message size");
    assertThat(p.bob.messages).isEmpty();
  }

  @Test
  void sendRejectsMessagesAboveTheLimitAndBadStreams() {
    pair.establish();
    assertThatThrownBy(() -> pair.alice.association.send(0, 53, new byte[256 * 1024 + 1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pair.alice.association.send(1024, 53, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(pair.alice.association.send(0, 53, new byte[256 * 1024])).isTrue();
    pair.runUntil(() -> pair.bob.messages.size() == 1, Duration.ofSeconds(10));
    assertThat(pair.bob.messages.get(0).data()).hasSize(256 * 1024);
  }

  @Test
  void heartbeatsMeasureTheRoundTripOnAnIdleAssociation() {
    pair.establish();
    AtomicInteger heartbeats = new AtomicInteger();
    pair.aliceUp()
        .addTap(
            Tap.observe(
                p -> {
                  if (Pair.carries(ChunkType.HEARTBEAT).test(p)) {
                    heartbeats.incrementAndGet();
                  }
                }));
    pair.scheduler.advance(Duration.ofSeconds(100));
    // every HB.interval (30 s) + RTO (1 s)
    assertThat(heartbeats.get()).isEqualTo(3);
    assertThat(pair.alice.association.stats().srttNanos())
        .isEqualTo(Duration.ofMillis(40).toNanos());
    assertThat(pair.alice.closed).isNull();
  }

  @Test
  void unansweredHeartbeatsDeclareThePeerDead() {
    pair.establish();
    pair.aliceDown().addTap(Tap.drop(p -> true)); // bob's packets never arrive
    pair.runUntil(() -> pair.alice.closed != null, Duration.ofHours(2));
    assertThat(pair.alice.closed.kind()).isEqualTo(CloseReason.Kind.TIMEOUT);
    assertThat(pair.alice.closed.message()).contains("HEARTBEAT");
  }

  @Test
  void bufferedAmountCountsUnacknowledgedBytesAndSignalsLowThreshold() {
    pair.establish();
    pair.alice.association.setBufferedAmountLowThreshold(3, 50_000);
    for (int i = 0; i < 10; i++) {
      pair.alice.association.send(3, 53, new byte[10_000]);
    }
    pair.alice.association.send(4, 53, new byte[1_000]);
    assertThat(pair.alice.association.bufferedAmount()).isEqualTo(101_000);
    assertThat(pair.alice.association.bufferedAmount(3)).isEqualTo(100_000);
    assertThat(pair.alice.association.bufferedAmount(4)).isEqualTo(1_000);
    pair.runUntil(() -> pair.alice.association.bufferedAmount() == 0, Duration.ofSeconds(10));
    assertThat(pair.bob.messages).hasSize(11);
    // stream 3 crossed 50 000 once; stream 4 (threshold 0) signalled when it emptied
    assertThat(pair.alice.bufferedLow).containsExactlyInAnyOrder(3, 4);
  }

  @Test
  void messagesQueuedBeforeTheHandshakeGoOutOnceEstablished() {
    pair.alice.association.send(0, 51, "early".getBytes());
    pair.connectBoth();
    pair.runUntil(() -> pair.bob.messages.size() == 1, Duration.ofSeconds(5));
    assertThat(new String(pair.bob.messages.get(0).data())).isEqualTo("early");
  }
}
