package dev.squall.bench.datachannel;

/**
 * The arithmetic of the DataChannel benchmarks, in the units docs/benchmarks.md reports: MB/s with
 * MB = 10^6 bytes, Mbit/s = 10^6 bits, CPU seconds per GB (10^9 bytes), messages per second and
 * ratios. Every method returns NaN when an input is missing (negative) or zero where it divides.
 */
final class Rates {
  private Rates() {}

  /** 10^6 bytes per second. */
  static double megabytesPerSecond(long bytes, long nanos) {
    if (bytes < 0 || nanos <= 0) {
      return Double.NaN;
    }
    return bytes / (nanos / 1e9) / 1e6;
  }

  /** 10^6 bits per second. */
  static double megabitsPerSecond(long bytes, long nanos) {
    return megabytesPerSecond(bytes, nanos) * 8;
  }

  /** Events (messages) per second. */
  static double perSecond(long count, long nanos) {
    if (count < 0 || nanos <= 0) {
      return Double.NaN;
    }
    return count / (nanos / 1e9);
  }

  /** CPU seconds spent per 10^9 bytes moved. */
  static double cpuSecondsPerGigabyte(long cpuNanos, long bytes) {
    if (cpuNanos < 0 || bytes <= 0) {
      return Double.NaN;
    }
    return (cpuNanos / 1e9) / (bytes / 1e9);
  }

  /** {@code a / b}, NaN when either is NaN or {@code b} is zero. */
  static double ratio(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
      return Double.NaN;
    }
    return a / b;
  }

  /** Formats a ratio as "1.23×" ("n/a" when NaN). */
  static String times(double ratio) {
    return Double.isNaN(ratio) ? "n/a" : String.format("%.2f×", ratio);
  }
}
