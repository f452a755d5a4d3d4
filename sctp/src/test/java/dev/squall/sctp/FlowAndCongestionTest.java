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

/** Congestion window (RFC 9260 §7.2) and the peer's receive window (§6.1). */
class FlowAndCongestionTest {

  @Test
  void cwndGrowsInSlowStartAndHalvesOnFastRetransmit() {
    Pair pair = new Pair(31, Pair.delay(20), SctpConfig.DEFAULT);
    pair.establish();
    List<SctpStats> samples = new ArrayList<>();
    pair.aliceUp()
        .addTap(
            Tap.observe(
                p -> {
                  if (Pair.carries(ChunkType.DATA).test(p)) {
                    samples.add(pair.alice.association.stats());
                  }
                }));
    pair.aliceUp().addTap(Tap.dropNth(60, Pair.carries(ChunkType.DATA)));
    Feeder feeder =
        new Feeder(pair.alice, 0, 400, 1000, 1000, true, Reliability.RELIABLE, 100_000, 1);
    feeder.fill();
    pair.runUntil(() -> pair.bob.messages.size() == 400, Duration.ofSeconds(30));
    assertThat(pair.bob.messages).hasSize(400);

    int firstRecovery = -1;
    for (int i = 0; i < samples.size(); i++) {
      if (samples.get(i).inFastRecovery()) {
        firstRecovery = i;
        break;
      }
    }
    assertThat(firstRecovery).as("a fast recovery happened").isPositive();
    List<SctpStats> before = samples.subList(0, firstRecovery);
    assertThat(before.get(0).cwnd()).isEqualTo(4380); // min(4 MTU, max(2 MTU, 4380))
    for (int i = 1; i < before.size(); i++) {
      assertThat(before.get(i).cwnd()).isGreaterThanOrEqualTo(before.get(i - 1).cwnd());
    }
    long peak = before.get(before.size() - 1).cwnd();
    assertThat(peak).as("slow start grew cwnd").isGreaterThan(4 * 4380);
    SctpStats recovering = samples.get(firstRecovery);
    assertThat(recovering.ssthresh()).isEqualTo(Math.max(peak / 2, 4 * 1200));
    assertThat(recovering.cwnd()).isEqualTo(recovering.ssthresh());
    assertThat(pair.alice.association.stats().fastRetransmissions()).isEqualTo(1);
    assertThat(pair.alice.association.stats().t3Expiries()).isZero();
  }

  @Test
  void theSenderStopsAtThePeersWindowAndResumesWhenItOpens() {
    int window = 10_000;
    SctpConfig bobConfig = SctpConfig.builder().receiveWindow(window).build();
    Pair pair = new Pair(32, Pair.delay(20), SctpConfig.DEFAULT, bobConfig);
    pair.establish();
    // lose the first DATA chunk and its fast retransmission: bob buffers everything behind
    // the hole until T3-rtx repairs it, so his window closes
    int[] firstTsn = {0};
    boolean[] seen = {false};
    int[] drops = {0};
    pair.aliceUp()
        .addTap(
            Tap.matching(
                Pair.carries(ChunkType.DATA),
                (i, p) -> {
                  DataChunk d = (DataChunk) Pair.chunks(p).get(0);
                  if (!seen[0]) {
                    seen[0] = true;
                    firstTsn[0] = d.tsn();
                  }
                  return d.tsn() == firstTsn[0] && drops[0]++ < 2 ? null : p;
                }));
    long[] maxOutstanding = {0};
    long[] minBobWindow = {Long.MAX_VALUE};
    List<Long> dataTimes = new ArrayList<>();
    pair.aliceUp()
        .addTap(
            Tap.observe(
                p -> {
                  if (Pair.carries(ChunkType.DATA).test(p)) {
                    dataTimes.add(pair.scheduler.nanoTime());
                    maxOutstanding[0] =
                        Math.max(
                            maxOutstanding[0], pair.alice.association.stats().outstandingChunks());
                  }
                }));
    pair.aliceDown()
        .addTap(
            Tap.observe(
                p ->
                    minBobWindow[0] =
                        Math.min(minBobWindow[0], pair.bob.association.stats().advertisedRwnd())));
    long t0 = pair.scheduler.nanoTime();
    for (int i = 0; i < 60; i++) {
      pair.alice.association.send(0, 53, Payloads.numbered(i, 1000));
    }
    pair.runUntil(() -> pair.bob.messages.size() == 60, Duration.ofSeconds(30));
    assertThat(pair.bob.messages).hasSize(60);
    for (int i = 0; i < 60; i++) {
      assertThat(Payloads.sequenceOf(pair.bob.messages.get(i).data())).isEqualTo(i);
    }
    assertThat(minBobWindow[0]).as("bob's window closed").isLessThanOrEqualTo(1000);
    // never more in flight than the window (10 chunks) plus the hole and one over-window chunk
    assertThat(maxOutstanding[0]).isLessThanOrEqualTo(window / 1000 + 2);
    // nothing was sent between the window closing and the T3-rtx repair one RTO (1 s) later
    long quietFrom = Duration.ofMillis(200).toNanos();
    long quietTo = Duration.ofMillis(1000).toNanos();
    assertThat(dataTimes).noneMatch(t -> t - t0 > quietFrom && t - t0 < quietTo);
    assertThat(pair.alice.association.stats().t3Expiries()).isEqualTo(1);
  }
}
