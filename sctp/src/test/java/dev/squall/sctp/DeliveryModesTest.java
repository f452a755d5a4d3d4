package dev.squall.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.sctp.chunk.ChunkType;
import dev.squall.sctp.chunk.DataChunk;
import dev.squall.testkit.Payloads;
import dev.squall.vnet.Tap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unordered delivery, streams, partial reliability and stream reset. */
class DeliveryModesTest {

  /** Drops the DATA chunk numbered {@code message} (one chunk per packet) twice. */
  private static Tap dropTwice(int sequence) {
    int[] drops = {0};
    return Tap.matching(
        Pair.dataWith(d -> d.beginning() && Payloads.sequenceOf(d.payload()) == sequence),
        (i, p) -> drops[0]++ < 2 ? null : p);
  }

  private static List<Integer> sequences(List<Peer.Message> messages) {
    return messages.stream().map(m -> Payloads.sequenceOf(m.data())).toList();
  }

  @Test
  void unorderedMessagesOvertakeALostOneOrderedOnesWaitForIt() {
    Pair pair = new Pair(41, Pair.delay(20), SctpConfig.DEFAULT);
    pair.establish();
    pair.aliceUp().addTap(dropTwice(1));
    for (int i = 0; i < 10; i++) {
      pair.alice.association.send(7, 53, Payloads.numbered(i, 1000), false, Reliability.RELIABLE);
    }
    pair.runUntil(() -> pair.bob.messages.size() == 10, Duration.ofSeconds(10));
    assertThat(pair.bob.messages).allMatch(m -> !m.ordered() && Payloads.verify(m.data()));
    List<Integer> got = sequences(pair.bob.messages);
    assertThat(got).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(got.get(got.size() - 1)).as("the lost one arrives last").isEqualTo(1);

    Pair ordered = new Pair(41, Pair.delay(20), SctpConfig.DEFAULT);
    ordered.establish();
    ordered.aliceUp().addTap(dropTwice(1));
    for (int i = 0; i < 10; i++) {
      ordered.alice.association.send(7, 53, Payloads.numbered(i, 1000));
    }
    ordered.runUntil(() -> ordered.bob.messages.size() == 10, Duration.ofSeconds(10));
    assertThat(sequences(ordered.bob.messages)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void fragmentedUnorderedMessagesAreReassembled() {
    Pair pair =
        new Pair(42, Pair.delay(20).withReordering(0.3, Duration.ofMillis(7)), SctpConfig.DEFAULT);
    pair.establish();
    for (int i = 0; i < 20; i++) {
      pair.alice.association.send(
          1, 53, Payloads.numbered(i, 3000 + 1000 * i), false, Reliability.RELIABLE);
    }
    pair.runUntil(() -> pair.bob.messages.size() == 20, Duration.ofSeconds(10));
    assertThat(sequences(pair.bob.messages))
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, 20).boxed().toList());
    assertThat(pair.bob.messages).allMatch(m -> Payloads.verify(m.data()));
  }

  @Test
  void streamsAreIndependentOrderedSequences() {
    Pair pair = new Pair(43, Pair.delay(20), SctpConfig.DEFAULT);
    pair.establish();
    pair.aliceUp().addTap(dropTwice(0));
    pair.alice.association.send(1, 53, Payloads.numbered(0, 1000)); // lost twice: T3 repairs
    for (int i = 1; i < 6; i++) {
      pair.alice.association.send(2, 53, Payloads.numbered(i, 1000));
    }
    pair.runUntil(() -> pair.bob.messages.size() == 6, Duration.ofSeconds(10));
    // stream 2 was not blocked behind stream 1's lost message
    assertThat(sequences(pair.bob.messages)).containsExactly(1, 2, 3, 4, 5, 0);
  }

  @Test
  void streamsTakeTurnsSoABulkStreamDoesNotStarveAnother() {
    Pair pair = new Pair(48, Pair.delay(20), SctpConfig.DEFAULT);
    pair.establish();
    for (int i = 0; i < 20; i++) {
      pair.alice.association.send(1, 53, Payloads.numbered(i, 50_000)); // 1 MB on stream 1
    }
    pair.alice.association.send(2, 51, Payloads.numbered(100, 10)); // then a small one
    pair.runUntil(() -> pair.bob.messages.size() == 21, Duration.ofSeconds(30));
    // round robin at message boundaries: the small message goes right after the first big one
    assertThat(sequences(pair.bob.messages).subList(0, 3)).containsExactly(0, 100, 1);
    assertThat(pair.bob.messages).allMatch(m -> Payloads.verify(m.data()));
  }

  @Test
  void maxRetransmitsZeroAbandonsLostMessagesAndTheStreamMovesOn() {
    Pair pair = new Pair(44, Pair.delay(20).withLoss(0.2), SctpConfig.DEFAULT);
    pair.establish();
    for (int i = 0; i < 300; i++) {
      pair.alice.association.send(
          4, 53, Payloads.numbered(i, 500), true, Reliability.maxRetransmits(0));
    }
    pair.alice.association.send(4, 53, Payloads.numbered(1000, 500)); // reliable, last
    pair.runUntil(
        () ->
            pair.alice.association.bufferedAmount() == 0
                && pair.bob.messages.stream().anyMatch(m -> Payloads.sequenceOf(m.data()) == 1000),
        Duration.ofMinutes(2));
    List<Integer> got = sequences(pair.bob.messages);
    assertThat(got).isSorted().doesNotHaveDuplicates().endsWith(1000);
    assertThat(pair.bob.messages).allMatch(m -> Payloads.verify(m.data()));
    assertThat(got.size()).isLessThan(301).isGreaterThan(150);
    SctpStats s = pair.alice.association.stats();
    assertThat(s.abandonedMessages()).isPositive();
    assertThat(s.forwardTsnsSent()).isPositive();
  }

  @Test
  void expiredLifetimeMessagesAreNeverDeliveredLate() {
    Pair pair = new Pair(45, Pair.delay(20), SctpConfig.DEFAULT);
    pair.establish();
    // a 2 s outage of alice's uplink
    var outage = pair.aliceUp().addTap(Tap.drop(Pair.carries(ChunkType.DATA)));
    for (int i = 0; i < 5; i++) {
      pair.alice.association.send(
          0,
          53,
          Payloads.numbered(i, 800),
          true,
          Reliability.maxPacketLifeTime(Duration.ofMillis(500)));
    }
    pair.scheduler.advance(Duration.ofSeconds(2));
    outage.cancel();
    pair.alice.association.send(0, 53, Payloads.numbered(99, 800));
    pair.runUntil(() -> pair.bob.messages.size() == 1, Duration.ofSeconds(10));
    pair.scheduler.advance(Duration.ofSeconds(5));
    assertThat(sequences(pair.bob.messages)).containsExactly(99);
    assertThat(pair.alice.association.bufferedAmount()).isZero();
    assertThat(pair.alice.association.stats().abandonedMessages()).isEqualTo(5);
  }

  @Test
  void resettingAStreamRestartsItsSsnsAtBothEnds() {
    Pair pair = new Pair(46, Pair.delay(20), SctpConfig.DEFAULT);
    pair.establish();
    List<Integer> ssns = new ArrayList<>();
    pair.aliceUp()
        .addTap(
            Tap.observe(
                p ->
                    Pair.chunks(p).stream()
                        .filter(c -> c instanceof DataChunk d && d.streamId() == 2)
                        .forEach(c -> ssns.add(((DataChunk) c).ssn()))));
    for (int i = 0; i < 3; i++) {
      pair.alice.association.send(2, 53, Payloads.numbered(i, 100));
    }
    pair.alice.association.resetStreams(2);
    pair.runUntil(() -> !pair.alice.outgoingResets.isEmpty(), Duration.ofSeconds(5));
    for (int i = 3; i < 5; i++) {
      pair.alice.association.send(2, 53, Payloads.numbered(i, 100));
    }
    pair.runUntil(() -> pair.bob.messages.size() == 5, Duration.ofSeconds(5));
    assertThat(sequences(pair.bob.messages)).containsExactly(0, 1, 2, 3, 4);
    assertThat(pair.bob.incomingResets).hasSize(1);
    assertThat(pair.bob.incomingResets.get(0)).containsExactly(2);
    assertThat(pair.alice.outgoingResets.get(0)).containsExactly(2);
    assertThat(ssns).containsExactly(0, 1, 2, 0, 1);
  }

  @Test
  void aResetRequestWaitsForDataStillMissingAtTheReceiver() {
    Pair pair = new Pair(47, Pair.delay(20), SctpConfig.DEFAULT);
    pair.establish();
    pair.aliceUp().addTap(dropTwice(2));
    for (int i = 0; i < 3; i++) {
      pair.alice.association.send(2, 53, Payloads.numbered(i, 1000));
    }
    pair.alice.association.resetStreams(2);
    pair.runUntil(() -> !pair.bob.incomingResets.isEmpty(), Duration.ofMillis(300));
    assertThat(pair.bob.incomingResets).as("deferred until message 2 arrives").isEmpty();
    pair.alice.association.send(2, 53, Payloads.numbered(3, 1000)); // after the reset: SSN 0
    pair.runUntil(() -> pair.bob.messages.size() == 4, Duration.ofSeconds(10));
    assertThat(sequences(pair.bob.messages)).containsExactly(0, 1, 2, 3);
    assertThat(pair.bob.incomingResets).hasSize(1);
  }
}
