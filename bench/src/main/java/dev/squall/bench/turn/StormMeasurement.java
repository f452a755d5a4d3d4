package dev.squall.bench.turn;

import dev.squall.bench.ProcStats;
import dev.squall.bench.ResultTable;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The allocation storm of {@link TurnBench} against one server process: warm-up allocations (kept),
 * then the measured ones, with the server's CPU time per allocation and its memory growth per
 * allocation (resident set for every server, the Java heap after a full GC for Squall); the figures
 * go to the table as rows.
 */
final class StormMeasurement {

  private final ResultTable table;
  private final String secret;
  private final int warmup;
  private final int count;
  private final int inFlight;

  /**
   * @param warmup allocations made first and kept (the JIT; the memory baseline)
   * @param count allocations measured
   * @param inFlight allocations under way at once
   */
  StormMeasurement(ResultTable table, String secret, int warmup, int count, int inFlight) {
    this.table = table;
    this.secret = secret;
    this.warmup = warmup;
    this.count = count;
    this.inFlight = inFlight;
  }

  /** Runs the storm against the server {@code name} (process {@code pid}); returns alloc/s. */
  double measure(String name, long pid, InetSocketAddress server)
      throws IOException, InterruptedException {
    try (AllocationStorm warm = new AllocationStorm(server, secret)) {
      if (warmup > 0) {
        // the same work first, so the measured storm does not pay for the JIT; these allocations
        // stay until the measured storm is done and count in the baseline of the memory figures
        var w = warm.run(warmup, inFlight, "storm-warmup-" + name);
        System.out.printf(
            "storm warm-up %-7s %d allocated: %,.0f alloc/s%n",
            name, w.allocated(), w.allocationsPerSecond());
      }
      return measured(name, pid, server);
    }
  }

  private double measured(String name, long pid, InetSocketAddress server)
      throws IOException, InterruptedException {
    boolean jvm = name.equals("squall");
    long heap0 = jvm ? ProcStats.heapUsedAfterGc(pid) : -1;
    long rss0 = ProcStats.rssBytes(pid);
    try (AllocationStorm st = new AllocationStorm(server, secret)) {
      long cpu0 = ProcStats.cpuNanos(pid);
      AllocationStorm.Result r = st.run(count, inFlight, "storm-" + name);
      long cpu1 = ProcStats.cpuNanos(pid);
      double cpuPerAllocation = (cpu1 - cpu0) / 1e3 / Math.max(1, r.allocated());
      long heap1 = jvm ? ProcStats.heapUsedAfterGc(pid) : -1;
      long rss1 = ProcStats.rssBytes(pid);
      System.out.printf(
          "storm %-7s %d of %d allocated (%d failed%s) in %.2f s: %,.0f alloc/s, server cpu %.0f us"
              + "/alloc; rss +%,d KiB%s%n",
          name,
          r.allocated(),
          r.requested(),
          r.failed(),
          r.failures().isEmpty() ? "" : ": " + r.failures(),
          r.seconds(),
          r.allocationsPerSecond(),
          cpuPerAllocation,
          (rss1 - rss0) / 1024,
          jvm ? String.format(", heap after GC +%,d KiB", (heap1 - heap0) / 1024) : "");
      table.add(
          name + " allocations/s",
          r.allocationsPerSecond(),
          "alloc/s",
          r.allocated() + " of " + r.requested() + " allocated, " + inFlight + " in flight");
      table.add(
          name + " server cpu/allocation",
          cpuPerAllocation,
          "us",
          "two transactions (401 challenge, authenticated Allocate) and a relay socket");
      if (r.allocated() > 0) {
        table.add(
            name + " RSS per allocation",
            (double) (rss1 - rss0) / r.allocated(),
            "bytes",
            "resident set growth over the storm");
        if (jvm) {
          table.add(
              name + " heap per allocation",
              (double) (heap1 - heap0) / r.allocated(),
              "bytes",
              "Java heap after full GC");
        }
      }
      return r.allocationsPerSecond();
    }
  }
}
