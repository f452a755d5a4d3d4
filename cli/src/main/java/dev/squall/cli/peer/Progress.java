package dev.squall.cli.peer;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line text progress report ({@code bytes/total, %, MB/s}) rewritten in place with {@code \r}
 * at most every 200 ms, and finished with a newline.
 */
final class Progress {

  private final PrintWriter err;
  private final long total;
  private final LongSupplier nanos;
  private final long start;
  private long lastPrint;

  Progress(PrintWriter err, long total, LongSupplier nanos) {
    this.err = err;
    this.total = total;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    this.lastPrint = start;
  }

  /** Reports {@code bytes} done, if the last report is old enough. */
  void update(long bytes) {
    long now = nanos.getAsLong();
    if (now - lastPrint >= 200_000_000L) {
      lastPrint = now;
      err.print("\r" + line(bytes, now));
      err.flush();
    }
  }

  /** Prints the final line. */
  void finish(long bytes) {
    err.println("\r" + line(bytes, nanos.getAsLong()));
  }

  String line(long bytes, long now) {
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    double pct = total == 0 ? 100.0 : 100.0 * bytes / total;
    return String.format(
        Locale.ROOT, "%d / %d bytes  %5.1f%%  %.2f MB/s", bytes, total, pct, bytes / 1e6 / seconds);
  }
}
