package dev.squall.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.testkit.Payloads;
import dev.squall.vnet.LinkConditions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reliable delivery under loss, duplication and reordering: exactly once, intact, in order. */
class ReliableTransferTest {

  static final SctpConfig CONFIG =
      SctpConfig.builder()
          .rtoMin(Duration.ofMillis(200))
          .rtoInitial(Duration.ofMillis(500))
          .build();

  @ParameterizedTest(name = "loss {0} dup {1} reorder {2} seed {3}")
  @CsvSource({
    "0.0, 0.0, 0.0, 1",
    "0.05, 0.0, 0.0, 2",
    "0.20, 0.0, 0.0, 3",
    "0.0, 0.10, 0.0, 4",
    "0.0, 0.0, 0.20, 5",
    "0.05, 0.05, 0.10, 6",
  })
  void orderedMessagesArriveExactlyOnceInOrderIntact(
      double loss, double dup, double reorder, long seed) {
    LinkConditions link =
        Pair.delay(15)
            .withJitter(Duration.ofMillis(2))
            .withLoss(loss)
            .withDuplication(dup)
            .withReordering(reorder, Duration.ofMillis(25));
    Pair pair = new Pair(seed, link, CONFIG);
    pair.establish();
    Feeder feeder =
        new Feeder(pair.alice, 3, 1500, 4, 5000, true, Reliability.RELIABLE, 200_000, seed);
    feeder.fill();
    boolean done =
        pair.runUntil(
            () -> pair.bob.messages.size() == 1500 && pair.alice.association.bufferedAmount() == 0,
            Duration.ofMinutes(10));
    assertThat(done)
        .as(
            "all delivered and acknowledged: %d msgs, %s, bob %s",
            pair.bob.messages.size(), pair.alice.association.stats(), pair.bob.association.stats())
        .isTrue();
    List<Peer.Message> got = pair.bob.messages;
    for (int i = 0; i < got.size(); i++) {
      Peer.Message m = got.get(i);
      assertThat(Payloads.sequenceOf(m.data())).isEqualTo(i);
      assertThat(Payloads.verify(m.data())).isTrue();
      assertThat(m.ordered()).isTrue();
      assertThat(m.stream()).isEqualTo(3);
      assertThat(m.ppid()).isEqualTo(53);
    }
    pair.scheduler.advance(Duration.ofSeconds(5));
    assertThat(pair.bob.messages).hasSize(1500);
    assertThat(pair.alice.closed).isNull();
    assertThat(pair.bob.closed).isNull();
    if (loss > 0) {
      assertThat(
              pair.alice.association.stats().retransmissions()
                  + pair.alice.association.stats().fastRetransmissions())
          .isPositive();
    }
  }
}
