package dev.squall.bench.signal;

/**
 * One load phase at a fixed offered rate: what was sent and delivered inside the measurement
 * window, relay latency, loss after the drain, and the server's CPU use during the window.
 */
record PhaseResult(
    double offeredRate,
    double seconds,
    LoopStats.Snapshot window,
    long lost,
    double serverCpu,
    double clientCpu,
    String busiestThreads) {

  double deliveredRate() {
    return window.received() / seconds;
  }

  double p99Millis() {
    return window.latency().percentile(99) / 1e6;
  }

  /** Server CPU microseconds per delivered message, or NaN when unknown. */
  double serverMicrosPerMessage() {
    return serverCpu < 0 || window.received() == 0
        ? Double.NaN
        : serverCpu * 1e6 / window.received();
  }

  /**
   * Sustained: at least 95 % of the offered rate delivered inside the window, nothing lost, no
   * server errors, at most 0.1 % of sends skipped (a full client buffer, or a generator loop that
   * fell more than 100 ms behind), p99 within the limit.
   */
  boolean sustained(double p99LimitMillis) {
    return deliveredRate() >= 0.95 * offeredRate
        && lost == 0
        && window.errors() == 0
        && window.skipped() + window.behind() <= window.sent() / 1000
        && p99Millis() <= p99LimitMillis;
  }

  String summary() {
    return String.format(
        "offered %,9.0f/s delivered %,9.0f/s  p50 %7.2f ms  p99 %7.2f ms  max %7.1f ms  "
            + "lost %d  errors %d  skipped %d+%d  server %.2f cores %.1f us/msg  client %.2f cores"
            + "%n    busiest server threads: %s",
        offeredRate,
        deliveredRate(),
        window.latency().percentile(50) / 1e6,
        p99Millis(),
        window.latency().max() / 1e6,
        lost,
        window.errors(),
        window.skipped(),
        window.behind(),
        serverCpu < 0 ? Double.NaN : serverCpu / seconds,
        serverMicrosPerMessage(),
        clientCpu / seconds,
        busiestThreads);
  }
}
