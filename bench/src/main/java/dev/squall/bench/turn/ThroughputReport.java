package dev.squall.bench.turn;

import dev.squall.bench.ResultTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The relay-throughput rows of {@link TurnBench}: for each target, medians over rounds of the best
 * rate carried, its loss, the latency at the common rate and what the relay adds to the direct
 * path, the server's CPU per packet; then Squall's ratio to coturn, per round and as a median.
 */
final class ThroughputReport {

  /** One round of one target and shape: the best rate carried, and the run at the common rate. */
  record Round(RelayLoadGenerator.Result best, RelayLoadGenerator.Result common) {}

  private final ResultTable table;
  private final double maxLoss;
  private final double latencyRate;
  private final Duration drain;

  ThroughputReport(ResultTable table, double maxLoss, double latencyRate, Duration drain) {
    this.table = table;
    this.maxLoss = maxLoss;
    this.latencyRate = latencyRate;
    this.drain = drain;
  }

  /**
   * Adds the rows of one shape ({@code count} allocations).
   *
   * @param byTarget the rounds of each target in report order, the direct path under {@code direct}
   */
  void add(int count, String shape, String direct, Map<String, List<Round>> byTarget) {
    List<Round> base = byTarget.getOrDefault(direct, List.of());
    for (Map.Entry<String, List<Round>> e : byTarget.entrySet()) {
      String name = e.getKey();
      List<Round> rs = e.getValue();
      String p = name + " " + count + " alloc ";
      List<Double> pps = each(rs, r -> r.best().relayedPacketsPerSecond());
      table.add(
          p + "max relayed pkt/s",
          median(pps),
          "pkt/s",
          (name.equals(direct) ? "harness ceiling, no server; " : "")
              + "median, loss <= "
              + ResultTable.format(maxLoss)
              + " %; "
              + shape
              + "; "
              + spread(pps));
      table.add(
          p + "max relayed MB/s",
          median(each(rs, r -> r.best().relayedMegabytesPerSecond())),
          "MB/s",
          "payload, both directions");
      table.add(
          p + "loss at max",
          median(each(rs, r -> 100 * r.best().lossRatio())),
          "%",
          "round trips sent but not back within " + drain.toMillis() + " ms after the period");
      String at = "at " + ResultTable.format(latencyRate) + " pkt/s";
      table.add(
          p + "rtt p50",
          median(each(rs, r -> r.common().latency().percentile(50) / 1e3)),
          "us",
          at + ", client-server-peer-server-client");
      table.add(
          p + "rtt p99",
          median(each(rs, r -> r.common().latency().percentile(99) / 1e3)),
          "us",
          at);
      if (!name.equals(direct) && base.size() == rs.size()) {
        serverRows(p, at, rs, base, median(pps));
      }
    }
    List<Round> sq = byTarget.get("squall");
    List<Round> co = byTarget.get("coturn");
    if (sq != null && co != null) {
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < Math.min(sq.size(), co.size()); i++) {
        ratios.add(
            sq.get(i).best().relayedPacketsPerSecond()
                / co.get(i).best().relayedPacketsPerSecond());
      }
      double ratio = median(ratios);
      table.add(
          "squall/coturn " + count + " alloc max pkt/s",
          ratio,
          "x",
          "median of per-round ratios; goal >= 1.2x: "
              + (ratio >= 1.2 ? "met" : "MISSED")
              + "; "
              + spread(ratios));
    }
  }

  /** What a server adds over the direct path of the same rounds, and its CPU per packet. */
  private void serverRows(String p, String at, List<Round> rs, List<Round> base, double pps) {
    for (int pct : new int[] {50, 99}) {
      List<Double> added = new ArrayList<>();
      for (int i = 0; i < rs.size(); i++) {
        added.add(
            (rs.get(i).common().latency().percentile(pct)
                    - base.get(i).common().latency().percentile(pct))
                / 1e3);
      }
      table.add(
          p + "added rtt p" + pct,
          median(added),
          "us",
          at + ", over the direct path in the same round");
    }
    table.add(
        p + "server cpu/pkt",
        median(each(rs, r -> r.best().serverCpuMicrosPerPacket())),
        "us",
        "server CPU time per relayed packet at max rate");
    double ceiling = median(each(base, r -> r.best().relayedPacketsPerSecond()));
    if (pps >= 0.9 * ceiling) {
      table.add(
          p + "WARNING",
          "harness-bound",
          "",
          "within 10 % of the direct path: the generator, not the server, is the limit");
    }
  }

  private static double median(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }

  private static List<Double> each(List<Round> rounds, ToDoubleFunction<Round> f) {
    List<Double> out = new ArrayList<>();
    for (Round r : rounds) {
      out.add(f.applyAsDouble(r));
    }
    return out;
  }

  private static String spread(List<Double> values) {
    StringBuilder b = new StringBuilder();
    for (double v : values) {
      b.append(b.length() == 0 ? "" : ", ").append(ResultTable.format(v));
    }
    return "rounds " + b;
  }
}
