package dev.squall.bench;

import java.util.Arrays;

/**
 * A fixed-size log-linear histogram of non-negative long values (nanoseconds in practice).
 *
 * <p>Values below 256 are counted exactly; larger values fall into buckets that keep the top 8
 * significant bits, so every reported value is within 1/128 (0.8 %) of a recorded one. The
 * histogram never allocates after construction, so a load loop can record into it on its hot path.
 * It is not thread-safe: give each thread its own and {@link #add merge} them afterwards.
 */
public final class LatencyHistogram {
  private static final int EXACT = 256;
  private static final int HALF = 128;
  private static final int BUCKETS = EXACT + 56 * HALF;

  private final long[] counts = new long[BUCKETS];
  private long total;
  private long min = Long.MAX_VALUE;
  private long max;
  private double sum;

  /** Records one value; negative values are recorded as 0. */
  public void record(long value) {
    long v = Math.max(0, value);
    counts[indexOf(v)]++;
    total++;
    sum += v;
    if (v < min) {
      min = v;
    }
    if (v > max) {
      max = v;
    }
  }

  /** Adds every value recorded in {@code other} to this histogram. */
  public void add(LatencyHistogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    sum += other.sum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  /** Forgets every recorded value. */
  public void reset() {
    Arrays.fill(counts, 0);
    total = 0;
    sum = 0;
    min = Long.MAX_VALUE;
    max = 0;
  }

  public long count() {
    return total;
  }

  /** The largest recorded value, or 0 when empty. */
  public long max() {
    return max;
  }

  /** The smallest recorded value, or 0 when empty. */
  public long min() {
    return total == 0 ? 0 : min;
  }

  /** The arithmetic mean of the recorded values, or 0 when empty. */
  public double mean() {
    return total == 0 ? 0 : sum / total;
  }

  /**
   * The value at percentile {@code p} (0 &lt; p &le; 100) by the nearest-rank method: the smallest
   * recorded value such that at least p % of the values are less or equal. Returns 0 when empty.
   * The answer is the middle of the bucket holding that value, clamped to [min, max].
   */
  public long percentile(double p) {
    if (!(p > 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
    }
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(p / 100.0 * total);
    rank = Math.max(1, Math.min(total, rank));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.max(min, Math.min(max, middleOf(i)));
      }
    }
    return max;
  }

  static int indexOf(long v) {
    if (v < EXACT) {
      return (int) v;
    }
    int msb = 63 - Long.numberOfLeadingZeros(v);
    int shift = msb - 7;
    return EXACT + (shift - 1) * HALF + (int) ((v >>> shift) - HALF);
  }

  static long lowestOf(int index) {
    if (index < EXACT) {
      return index;
    }
    int shift = (index - EXACT) / HALF + 1;
    long top = (index - EXACT) % HALF + HALF;
    return top << shift;
  }

  static long middleOf(int index) {
    if (index < EXACT) {
      return index;
    }
    int shift = (index - EXACT) / HALF + 1;
    return lowestOf(index) + ((1L << shift) >>> 1);
  }
}
