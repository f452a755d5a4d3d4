package dev.squall.bench.connect;

import dev.squall.bench.Machine;
import java.util.Arrays;

/**
 * The connect-time statistics both harnesses print, so Squall and libwebrtc are summarised the same
 * way: exact order statistics (nearest rank) over the measured connections, in milliseconds. Not
 * thread-safe: one harness thread records.
 */
final class ConnectTimes {

  /** Upper bound on one connection attempt (createOffer to both connected). */
  static final long CONNECT_TIMEOUT_SECONDS = 20;

  /** Upper bound on the whole run; the harness gives up and reports a failure past it. */
  static final long RUN_TIMEOUT_NANOS = 10L * 60 * 1_000_000_000L;

  private final String name;
  private final String interval;
  private final long[] nanos;
  private int count;

  /**
   * @param name the result's name (first column of the {@code RESULT} line)
   * @param interval what was timed, for the human-readable line
   */
  ConnectTimes(String name, String interval, int connections) {
    if (connections < 1) {
      throw new IllegalArgumentException("connections must be >= 1");
    }
    this.name = name;
    this.interval = interval;
    this.nanos = new long[connections];
  }

  void record(long elapsedNanos) {
    nanos[count++] = elapsedNanos;
  }

  /** Nearest-rank percentile {@code p} (0 < p <= 100) of {@code sorted}, in milliseconds. */
  static double percentileMillis(long[] sorted, double p) {
    int rank = (int) Math.ceil(sorted.length * p / 100.0);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  /** Prints the summary line (and a machine-readable one starting with {@code RESULT}). */
  void print(double loadBefore) {
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    double median = percentileMillis(sorted, 50);
    double p99 = percentileMillis(sorted, 99);
    System.out.printf(
        "%s: %s, %d connections:%n"
            + "  median %.2f ms  p99 %.2f ms  min %.2f ms  max %.2f ms  (load average %.2f -> %.2f)%n",
        name,
        interval,
        count,
        median,
        p99,
        sorted[0] / 1e6,
        sorted[count - 1] / 1e6,
        loadBefore,
        Machine.loadAverage());
    System.out.printf(
        "RESULT\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f%n",
        name, count, median, p99, sorted[0] / 1e6, sorted[count - 1] / 1e6);
  }

  /** Parses {@code [connections] [warmup]} with defaults 100 and 20. */
  static int[] parseArgs(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    if (n < 1 || n > 100_000 || warmup < 0 || warmup > 100_000) {
      throw new IllegalArgumentException("usage: [connections 1..100000] [warmup 0..100000]");
    }
    return new int[] {n, warmup};
  }
}
