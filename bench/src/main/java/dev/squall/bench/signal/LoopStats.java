package dev.squall.bench.signal;

import dev.squall.bench.LatencyHistogram;

/**
 * Counters and the relay-latency histogram of one client event loop. Only that loop's thread
 * touches it; other threads read it through {@link #snapshot()} run on the loop.
 */
final class LoopStats {
  final LatencyHistogram latency = new LatencyHistogram();
  boolean measuring;
  long sent;
  long received;
  long errors;
  long skipped;
  long behind;
  long totalSent;
  long totalReceived;
  long totalErrors;
  long disconnects;

  void onSent() {
    totalSent++;
    if (measuring) {
      sent++;
    }
  }

  void onReceived(long latencyNanos) {
    totalReceived++;
    if (measuring) {
      received++;
      latency.record(latencyNanos);
    }
  }

  void onError() {
    totalErrors++;
    if (measuring) {
      errors++;
    }
  }

  void onSkipped() {
    if (measuring) {
      skipped++;
    }
  }

  /** The pacer fell more than 100 ms behind (its loop was starved) and dropped sends. */
  void onBehind(long count) {
    if (measuring) {
      behind += count;
    }
  }

  void startWindow() {
    behind = 0;
    sent = 0;
    received = 0;
    errors = 0;
    skipped = 0;
    latency.reset();
    measuring = true;
  }

  /** A copy of the current values. */
  Snapshot snapshot() {
    LatencyHistogram copy = new LatencyHistogram();
    copy.add(latency);
    return new Snapshot(
        sent,
        received,
        errors,
        skipped,
        behind,
        totalSent,
        totalReceived,
        totalErrors,
        disconnects,
        copy);
  }

  /** Values of one or (after {@link #plus}) several loops. */
  record Snapshot(
      long sent,
      long received,
      long errors,
      long skipped,
      long behind,
      long totalSent,
      long totalReceived,
      long totalErrors,
      long disconnects,
      LatencyHistogram latency) {
    static Snapshot empty() {
      return new Snapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, new LatencyHistogram());
    }

    Snapshot plus(Snapshot o) {
      LatencyHistogram merged = new LatencyHistogram();
      merged.add(latency);
      merged.add(o.latency);
      return new Snapshot(
          sent + o.sent,
          received + o.received,
          errors + o.errors,
          skipped + o.skipped,
          behind + o.behind,
          totalSent + o.totalSent,
          totalReceived + o.totalReceived,
          totalErrors + o.totalErrors,
          disconnects + o.disconnects,
          merged);
    }
  }
}
