package dev.squall.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.sctp.chunk.ChunkType;
import dev.squall.sctp.chunk.CookieAckChunk;
import dev.squall.sctp.chunk.ErrorCause;
import dev.squall.sctp.chunk.ErrorChunk;
import dev.squall.sctp.chunk.SctpPacket;
import dev.squall.sctp.chunk.UnknownChunk;
import dev.squall.testkit.Payloads;
import dev.squall.vnet.Tap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stale cookies, zero-window probing, verification tags and unknown chunks. */
class EdgeCaseTest {

  @Test
  void aStaleCookieMakesTheInitiatorStartOverWithInit() {
    SctpConfig config = SctpConfig.builder().cookieLifetime(Duration.ofSeconds(5)).build();
    Pair pair = new Pair(71, Pair.delay(20), config);
    // COOKIE-ECHO at 40 ms, 1040, 3040 lost; the one at 7040 carries a 7 s old cookie
    pair.aliceUp()
        .addTap(Tap.matching(Pair.carries(ChunkType.COOKIE_ECHO), (i, p) -> i <= 3 ? null : p));
    List<ErrorChunk> errors = new ArrayList<>();
    pair.aliceDown()
        .addTap(
            Tap.observe(
                p ->
                    Pair.chunks(p).stream()
                        .filter(ErrorChunk.class::isInstance)
                        .forEach(c -> errors.add((ErrorChunk) c))));
    pair.alice.association.connect();
    pair.runUntil(() -> pair.alice.established() && pair.bob.established(), Duration.ofSeconds(30));
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).causes().get(0).code()).isEqualTo(ErrorCause.STALE_COOKIE);
    // the stale reply reaches alice at 7080 ms; INIT, INIT-ACK, COOKIE-ECHO and COOKIE-ACK take 4 x
    // 20 ms more
    assertThat(pair.alice.establishedAt).isEqualTo(Duration.ofMillis(7080 + 80).toNanos());
  }

  @Test
  void aZeroWindowIsProbedOneChunkAtATimeUntilALargeMessageCompletes() {
    int window = 10_000;
    SctpConfig bobConfig = SctpConfig.builder().receiveWindow(window).build();
    Pair pair = new Pair(72, Pair.delay(20), SctpConfig.DEFAULT, bobConfig);
    pair.establish();
    long[] maxOutstandingAtZeroWindow = {0};
    int[] probes = {0};
    pair.aliceUp()
        .addTap(
            Tap.observe(
                p -> {
                  SctpStats s = pair.alice.association.stats();
                  if (Pair.carries(ChunkType.DATA).test(p)
                      && s.peerRwnd() == 0
                      && s.outstandingChunks() == 1) {
                    probes[0]++;
                  }
                  if (pair.bob.association.stats().advertisedRwnd() == 0) {
                    maxOutstandingAtZeroWindow[0] =
                        Math.max(maxOutstandingAtZeroWindow[0], s.outstandingChunks());
                  }
                }));
    pair.alice.association.send(0, 53, Payloads.numbered(7, 50_000)); // 43 fragments
    pair.runUntil(() -> pair.bob.messages.size() == 1, Duration.ofMinutes(1));
    assertThat(pair.bob.messages).hasSize(1);
    assertThat(Payloads.verify(pair.bob.messages.get(0).data())).isTrue();
    assertThat(probes[0]).as("zero-window probes").isGreaterThan(20);
    assertThat(maxOutstandingAtZeroWindow[0]).isLessThanOrEqualTo(1);
  }

  @Test
  void packetsWithAForeignVerificationTagAreDropped() {
    Pair pair = new Pair(73, Pair.delay(20), SctpConfig.DEFAULT);
    pair.establish();
    long before = pair.bob.association.stats().packetsDropped();
    byte[] forged =
        new SctpPacket(
                5000, 5000, 0x0BADF00D, List.of(new ErrorChunk(List.of(ErrorCause.userAbort("x")))))
            .encode();
    pair.bob.association.handlePacket(forged);
    byte[] abortWithWrongTag =
        new SctpPacket(
                5000,
                5000,
                0x0BADF00D,
                List.of(new dev.squall.sctp.chunk.AbortChunk(false, List.of())))
            .encode();
    pair.bob.association.handlePacket(abortWithWrongTag);
    assertThat(pair.bob.association.stats().packetsDropped()).isEqualTo(before + 2);
    assertThat(pair.bob.closed).isNull();
  }

  @Test
  void unknownChunksAreSkippedOrStopProcessingAndReportedByTheirTypeBits() {
    Pair pair = new Pair(74, Pair.delay(20), SctpConfig.DEFAULT);
    pair.establish();
    List<ErrorChunk> reports = new ArrayList<>();
    pair.aliceDown()
        .addTap(
            Tap.observe(
                p ->
                    Pair.chunks(p).stream()
                        .filter(ErrorChunk.class::isInstance)
                        .forEach(c -> reports.add((ErrorChunk) c))));
    // bob's tag is what alice writes in her packets: capture it from her next packet
    int[] tag = {0};
    pair.aliceUp()
        .addTap(
            Tap.observe(
                p ->
                    tag[0] =
                        (int)
                            (((p.data()[4] & 0xFFL) << 24)
                                | ((p.data()[5] & 0xFF) << 16)
                                | ((p.data()[6] & 0xFF) << 8)
                                | (p.data()[7] & 0xFF))));
    pair.alice.association.send(0, 51, new byte[] {1});
    pair.runUntil(() -> pair.bob.messages.size() == 1, Duration.ofSeconds(2));
    // 0xFF: skip and report; the COOKIE-ACK after it is still processed (ignored when established)
    pair.bob.association.handlePacket(
        new SctpPacket(
                5000,
                5000,
                tag[0],
                List.of(new UnknownChunk(0xFF, 0, new byte[3]), new CookieAckChunk()))
            .encode());
    // 0x3F: stop, discard the rest, no report
    pair.bob.association.handlePacket(
        new SctpPacket(5000, 5000, tag[0], List.of(new UnknownChunk(0x3F, 0, new byte[3])))
            .encode());
    pair.scheduler.advance(Duration.ofMillis(100));
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).causes().get(0).code()).isEqualTo(ErrorCause.UNRECOGNIZED_CHUNK_TYPE);
    assertThat(pair.bob.closed).isNull();
    assertThat(pair.alice.closed).isNull();
  }
}
