package dev.squall.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.testkit.Payloads;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bulk transfer in 64 KiB messages with bufferedAmount backpressure; the SHA-256 of what bob
 * receives must equal that of what alice sent. Real time measured here: 10 MB about 0.5 s, 100 MB
 * about 1.6 s (printed by the test).
 */
class BulkTransferTest {

  private static final int CHUNK = 64 * 1024;

  @ParameterizedTest(name = "{0} MB, loss {1}")
  @CsvSource({"10, 0.0, 61", "10, 0.05, 62", "100, 0.0, 63"})
  void bytesArriveIntact(int megabytes, double loss, long seed) throws Exception {
    long total = megabytes * 1_000_000L;
    SctpConfig config =
        SctpConfig.builder()
            .rtoMin(Duration.ofMillis(200))
            .rtoInitial(Duration.ofMillis(500))
            .build();
    Pair pair = new Pair(seed, Pair.delay(10).withLoss(loss), config);
    MessageDigest received = sha256();
    long[] receivedBytes = {0};
    pair.establish();
    MessageDigest sent = sha256();
    Payloads source = new Payloads(seed);
    long[] queued = {0};
    Runnable fill =
        () -> {
          while (queued[0] < total && pair.alice.association.bufferedAmount(0) < 1_000_000) {
            int n = (int) Math.min(CHUNK, total - queued[0]);
            byte[] data = source.bytes(n);
            sent.update(data);
            pair.alice.association.send(0, 53, data);
            queued[0] += n;
          }
        };
    pair.alice.association.setBufferedAmountLowThreshold(0, 500_000);
    pair.alice.onLow = fill;
    fill.run();
    long realStart = System.nanoTime();
    long virtualStart = pair.scheduler.nanoTime();
    int[] consumed = {0};
    boolean done =
        pair.runUntil(
            () -> {
              while (consumed[0] < pair.bob.messages.size()) {
                byte[] m = pair.bob.messages.get(consumed[0]).data();
                pair.bob.messages.set(consumed[0]++, null);
                received.update(m);
                receivedBytes[0] += m.length;
              }
              return receivedBytes[0] == total;
            },
            Duration.ofHours(1));
    long realMillis = (System.nanoTime() - realStart) / 1_000_000;
    double virtualSeconds = (pair.scheduler.nanoTime() - virtualStart) / 1e9;
    System.out.printf(
        "bulk %d MB loss %.2f: %d ms real, %.1f s virtual (%.1f MB/s virtual), %s%n",
        megabytes,
        loss,
        realMillis,
        virtualSeconds,
        megabytes / virtualSeconds,
        pair.alice.association.stats());
    assertThat(done).isTrue();
    assertThat(receivedBytes[0]).isEqualTo(total);
    assertThat(received.digest()).isEqualTo(sent.digest());
  }

  private static MessageDigest sha256() throws NoSuchAlgorithmException {
    return MessageDigest.getInstance("SHA-256");
  }
}
