package dev.squall.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.sctp.chunk.ChunkType;
import dev.squall.testkit.Payloads;
import dev.squall.vnet.Packet;
import dev.squall.vnet.Tap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deterministic single losses and what recovers them. */
class ExactDropTest {

  private final Pair pair = new Pair(11, Pair.delay(20), SctpConfig.DEFAULT);

  private void sendNumbered(int count, int size) {
    for (int i = 0; i < count; i++) {
      pair.alice.association.send(1, 53, Payloads.numbered(i, size));
    }
  }

  private void assertDeliveredInOrder(int count) {
    assertThat(pair.bob.messages).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(Payloads.sequenceOf(pair.bob.messages.get(i).data())).isEqualTo(i);
      assertThat(Payloads.verify(pair.bob.messages.get(i).data())).isTrue();
    }
  }

  @Test
  void theFifthDataChunkIsFastRetransmittedAfterThreeMissIndications() {
    pair.establish();
    List<Long> sackTimes = new ArrayList<>();
    pair.aliceDown()
        .addTap(
            Tap.observe(
                p -> {
                  if (Pair.carries(ChunkType.SACK).test(p)) {
                    sackTimes.add(pair.scheduler.nanoTime());
                  }
                }));
    pair.aliceUp().addTap(Tap.dropNth(5, Pair.carries(ChunkType.DATA)));
    long start = pair.scheduler.nanoTime();
    sendNumbered(20, 1000); // one DATA chunk per packet
    pair.runUntil(() -> pair.bob.messages.size() == 20, Duration.ofSeconds(10));
    assertDeliveredInOrder(20);
    SctpStats s = pair.alice.association.stats();
    assertThat(s.fastRetransmissions()).isEqualTo(1);
    assertThat(s.t3Expiries()).isZero();
    assertThat(s.retransmissions()).isZero();
    // recovered well before the 1 s RTO could have fired
    assertThat(pair.scheduler.nanoTime() - start).isLessThan(Duration.ofMillis(300).toNanos());
  }

  @Test
  void theLastDataChunkLostIsResentByT3RtxOneRtoLater() {
    pair.establish();
    List<Long> dataTimes = new ArrayList<>();
    pair.aliceUp()
        .addTap(
            Tap.observe(
                p -> {
                  if (Pair.carries(ChunkType.DATA).test(p)) {
                    dataTimes.add(pair.scheduler.nanoTime());
                  }
                }));
    pair.aliceUp().addTap(Tap.dropNth(3, Pair.carries(ChunkType.DATA)));
    long start = pair.scheduler.nanoTime();
    sendNumbered(3, 1000);
    pair.runUntil(() -> pair.bob.messages.size() == 3, Duration.ofSeconds(10));
    assertDeliveredInOrder(3);
    SctpStats s = pair.alice.association.stats();
    assertThat(s.t3Expiries()).isEqualTo(1);
    assertThat(s.fastRetransmissions()).isZero();
    // T3-rtx was restarted by the SACK of the first two chunks (40 ms round trip) and fired
    // one RTO (1 s, the minimum) later
    assertThat(dataTimes).hasSize(4);
    assertThat(dataTimes.get(3) - start).isEqualTo(Duration.ofMillis(1040).toNanos());
  }

  @Test
  void aLostLastFragmentHoldsTheMessageBackUntilItIsRetransmitted() {
    pair.establish();
    pair.aliceUp().addTap(Tap.dropNth(1, Pair.dataWith(d -> d.ending() && !d.beginning())));
    pair.alice.association.send(1, 53, Payloads.numbered(0, 5000)); // 5 fragments
    for (int i = 1; i < 6; i++) {
      // too big to share a packet with the 312-byte last fragment
      pair.alice.association.send(1, 53, Payloads.numbered(i, 1000));
    }
    pair.runUntil(() -> pair.bob.messages.size() == 6, Duration.ofSeconds(10));
    assertDeliveredInOrder(6);
    assertThat(pair.bob.messages.get(0).data()).hasSize(5000);
    assertThat(
            pair.alice.association.stats().fastRetransmissions()
                + pair.alice.association.stats().retransmissions())
        .isEqualTo(1);
  }

  @Test
  void aLostSackIsCoveredByTheNextCumulativeAck() {
    pair.establish();
    pair.aliceDown().addTap(Tap.dropNth(1, Pair.carries(ChunkType.SACK)));
    sendNumbered(10, 1000);
    pair.runUntil(() -> pair.alice.association.bufferedAmount() == 0, Duration.ofSeconds(10));
    assertDeliveredInOrder(10);
    SctpStats s = pair.alice.association.stats();
    assertThat(s.t3Expiries()).isZero();
    assertThat(s.retransmissions() + s.fastRetransmissions()).isZero();
  }

  @Test
  void duplicatedDataIsDeliveredOnceAndReportedAsDuplicate() {
    pair.establish();
    pair.aliceUp()
        .addTap(
            Tap.matching(
                Pair.carries(ChunkType.DATA),
                (i, p) -> {
                  if (i == 2) {
                    // deliver the second DATA packet twice, 5 ms apart
                    pair.scheduler.schedule(Duration.ofMillis(25), () -> deliverCopy(p));
                  }
                  return p;
                }));
    sendNumbered(4, 1000);
    pair.runUntil(() -> pair.alice.association.bufferedAmount() == 0, Duration.ofSeconds(5));
    pair.scheduler.advance(Duration.ofSeconds(1));
    assertDeliveredInOrder(4);
    assertThat(pair.bob.association.stats().dataChunksReceived()).isEqualTo(5);
  }

  private void deliverCopy(Packet p) {
    pair.bob.association.handlePacket(p.data());
  }

  @Test
  void aCorruptedPacketIsDroppedByTheChecksumAndRecovered() {
    pair.establish();
    pair.aliceUp()
        .addTap(
            Tap.alterNth(
                2,
                Pair.carries(ChunkType.DATA),
                p -> {
                  byte[] bad = p.data().clone();
                  bad[bad.length - 1] ^= 0x55;
                  return p.withData(bad);
                }));
    sendNumbered(8, 1000);
    pair.runUntil(() -> pair.bob.messages.size() == 8, Duration.ofSeconds(10));
    assertDeliveredInOrder(8);
    assertThat(pair.bob.association.stats().packetsDropped()).isEqualTo(1);
  }
}
