package dev.squall.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.sctp.chunk.ChunkType;
import dev.squall.vnet.Tap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** T3-rtx back-off (RFC 9260 §6.3.3) and Association.Max.Retrans (§8.1). */
class RetransmissionTimerTest {

  @Test
  void rtoDoublesPerRetransmissionUpToTheMaximumThenTheAssociationFails() {
    SctpConfig config = SctpConfig.builder().heartbeatInterval(Duration.ZERO).build();
    Pair pair = new Pair(21, Pair.delay(20), config);
    pair.establish();
    List<Long> sent = new ArrayList<>();
    List<Long> cwndAfter = new ArrayList<>();
    pair.aliceUp()
        .addTap(
            Tap.matching(
                Pair.carries(ChunkType.DATA),
                (i, p) -> {
                  sent.add(pair.scheduler.nanoTime());
                  cwndAfter.add(pair.alice.association.stats().cwnd());
                  return null; // a black hole for DATA
                }));
    long t0 = pair.scheduler.nanoTime();
    pair.alice.association.send(0, 51, "lost forever".getBytes());
    pair.runUntil(() -> pair.alice.closed != null, Duration.ofMinutes(30));

    List<Long> offsets = sent.stream().map(t -> (t - t0) / 1_000_000_000L).toList();
    // RTO 1, 2, 4, 8, 16, 32, then capped at 60 s
    assertThat(offsets).containsExactly(0L, 1L, 3L, 7L, 15L, 31L, 63L, 123L, 183L, 243L, 303L);
    // the 11th expiry exceeds Association.Max.Retrans (10)
    assertThat(pair.alice.closedAt - t0).isEqualTo(Duration.ofSeconds(363).toNanos());
    assertThat(pair.alice.closed.kind()).isEqualTo(CloseReason.Kind.TIMEOUT);
    assertThat(pair.alice.closed.message()).contains("T3-rtx");
    // every retransmission after a timeout goes out with cwnd collapsed to one MTU
    assertThat(cwndAfter.subList(1, cwndAfter.size())).allMatch(c -> c == 1200L);
    // alice told bob with ABORT
    pair.runUntil(() -> pair.bob.closed != null, Duration.ofSeconds(1));
    assertThat(pair.bob.closed.kind()).isEqualTo(CloseReason.Kind.PEER_ABORT);
  }

  @Test
  void aConfiguredLowerRtoMinimumIsHonoured() {
    SctpConfig config =
        SctpConfig.builder()
            .heartbeatInterval(Duration.ZERO)
            .rtoMin(Duration.ofMillis(100))
            .rtoInitial(Duration.ofMillis(300))
            .build();
    Pair pair = new Pair(22, Pair.delay(20), config);
    pair.establish();
    // a first exchange gives an RTT sample of 40 ms (two packets: no delayed ack):
    // RTO = 40 + 4 * 20 = 120 ms
    pair.alice.association.send(0, 51, new byte[1000]);
    pair.alice.association.send(0, 51, new byte[1000]);
    pair.runUntil(() -> pair.alice.association.bufferedAmount() == 0, Duration.ofSeconds(2));
    assertThat(pair.alice.association.stats().rtoNanos())
        .isEqualTo(Duration.ofMillis(120).toNanos());
    List<Long> sent = new ArrayList<>();
    pair.aliceUp()
        .addTap(
            Tap.matching(
                Pair.carries(ChunkType.DATA),
                (i, p) -> {
                  sent.add(pair.scheduler.nanoTime());
                  return i == 1 ? null : p;
                }));
    long t0 = pair.scheduler.nanoTime();
    pair.alice.association.send(0, 51, new byte[100]);
    pair.runUntil(() -> pair.bob.messages.size() == 3, Duration.ofSeconds(2));
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1) - t0).isEqualTo(Duration.ofMillis(120).toNanos());
  }
}
