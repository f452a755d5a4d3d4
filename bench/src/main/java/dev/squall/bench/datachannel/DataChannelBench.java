package dev.squall.bench.datachannel;

import dev.squall.bench.Machine;
import dev.squall.bench.ResultTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The DataChannel benchmarks of docs/benchmarks.md, side by side in one run, results as ratios:
 * throughput (Squall ↔ Squall, libdatachannel, libwebrtc, Squall ↔ Chromium, Chromium ↔ Chromium),
 * the small-message rate, one-way latency under load, throughput over an emulated lossy long link
 * ({@link LinkEmulator}) against Pion's published figures, and heap per idle connection. Every peer
 * runs in a child process ({@link BenchProcesses}) except Chromium's driver and the Squall side of
 * Squall ↔ Chromium, which run here. Started by {@code bench/run.sh datachannel}.
 */
public final class DataChannelBench {

  static final List<String> OPTIONS =
      List.of(
          "quick",
          "bytes",
          "size",
          "low",
          "high",
          "only",
          "results",
          "node-dir",
          "node-script",
          "small-count",
          "latency-rates",
          "latency-seconds",
          "lossy-bytes",
          "lossy-seconds",
          "losses",
          "heap-pairs",
          "timeout-s");

  /** Pion's published SCTP throughput (pion/sctp#218) at 20 ms and 50 ms RTT with 1 % loss. */
  static final double PION_MBIT_20MS = 200;

  static final double PION_MBIT_50MS = 85;

  private DataChannelBench() {}

  public static void main(String[] args) throws Exception {
    Flags f = new Flags(args, OPTIONS);
    boolean quick = f.has("quick");
    Config c =
        new Config(
            f.size("bytes", quick ? 64L << 20 : 1L << 30),
            (int) f.size("size", 65536),
            f.size("low", 1 << 20),
            f.size("high", 4 << 20),
            f.size("small-count", quick ? 200_000 : 1_000_000),
            java.util.Arrays.stream(f.text("latency-rates", "1000,10000").split(","))
                .mapToDouble(Double::parseDouble)
                .toArray(),
            f.decimal("latency-seconds", quick ? 4 : 15),
            f.size("lossy-bytes", quick ? 64L << 20 : 1L << 30),
            f.decimal("lossy-seconds", quick ? 10 : 30),
            java.util.Arrays.stream(f.text("losses", "0,0.01").split(","))
                .mapToDouble(Double::parseDouble)
                .toArray(),
            f.integer("heap-pairs", quick ? 50 : 200),
            f.integer("timeout-s", 900),
            Path.of(f.text("node-dir", "bench/target/node-datachannel")),
            Path.of(f.text("node-script", "bench/src/main/node/datachannel-throughput.mjs")));
    Set<String> only = Set.of(f.text("only", "throughput,small,latency,lossy,heap").split(","));
    String results = f.text("results", null);
    System.out.println(Machine.describe());
    double loadBefore = Machine.loadAverage();
    ResultTable table = new ResultTable("datachannel");
    try (BenchProcesses procs = new BenchProcesses(c.timeoutSeconds())) {
      Sections s = new Sections(c, procs, table);
      if (only.contains("throughput")) {
        s.throughput();
      }
      if (only.contains("small")) {
        s.smallMessages();
      }
      if (only.contains("latency")) {
        s.latency();
      }
      if (only.contains("lossy")) {
        s.lossy(20, PION_MBIT_20MS);
        s.lossy(50, PION_MBIT_50MS);
      }
      if (only.contains("heap")) {
        s.heap();
      }
    }
    Machine.addLoad(table, loadBefore, Machine.loadAverage());
    System.out.println();
    table.print(System.out, results == null ? null : Path.of(results));
  }

  /** The run's parameters; byte counts in bytes. */
  record Config(
      long bytes,
      int size,
      long low,
      long high,
      long smallCount,
      double[] latencyRates,
      double latencySeconds,
      long lossyBytes,
      double lossySeconds,
      double[] losses,
      int heapPairs,
      int timeoutSeconds,
      Path nodeDir,
      Path nodeScript) {

    Duration timeout() {
      return Duration.ofSeconds(timeoutSeconds);
    }
  }
}
