package dev.squall.bench.datachannel;

import dev.squall.bench.ManagedProcess;
import dev.squall.bench.ResultTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The measurements of {@link DataChannelBench}, one method per docs section, each adding its rows
 * (and ratios) to the result table. A measurement that fails adds a FAILED row and the run goes on.
 */
final class Sections {
  private final DataChannelBench.Config c;
  private final BenchProcesses procs;
  private final ResultTable table;

  Sections(DataChannelBench.Config c, BenchProcesses procs, ResultTable table) {
    this.c = c;
    this.procs = procs;
    this.table = table;
  }

  /** Bulk throughput of every pair, 64 KiB messages (by default), ratios against the anchors. */
  void throughput() {
    long count = Sizes.messagesFor(c.bytes(), c.size());
    String what = String.format("%d x %d B", count, c.size());
    double squall = measure("squall<->squall", () -> squallPair(bulkArgs(count, c.size()), what));
    double ldc = measure("libdatachannel<->libdatachannel", () -> node(count, c.size(), what));
    double lwr = measure("libwebrtc<->libwebrtc", () -> libwebrtc(count, what));
    double[] chromium = measureChromium(what);
    ratio("squall / libdatachannel", squall, ldc, "goal >= 2.5");
    ratio("squall / libwebrtc", squall, lwr, "");
    ratio("squall->chromium / chromium<->chromium", chromium[1], chromium[0], "goal >= 1");
  }

  /** 100-byte messages as fast as flow control allows: messages per second. */
  void smallMessages() {
    String what = String.format("%d x 100 B", c.smallCount());
    double squall =
        measure("small squall<->squall", () -> squallPair(bulkArgs(c.smallCount(), 100), what));
    double ldc = measure("small libdatachannel", () -> node(c.smallCount(), 100, what));
    ratio("small squall / libdatachannel (msg/s)", squall, ldc, "");
  }

  /** One-way latency of 100-byte messages at each fixed offered rate, Squall ↔ Squall. */
  void latency() {
    for (double rate : c.latencyRates()) {
      long count = Math.max(100, (long) (rate * c.latencySeconds()));
      String name = String.format("latency squall<->squall at %,.0f msg/s", rate);
      measure(
          name,
          () -> {
            List<String> args =
                List.of(
                    "--mode",
                    "latency",
                    "--size",
                    "100",
                    "--count",
                    Long.toString(count),
                    "--rate",
                    Double.toString(rate),
                    "--warmup",
                    Long.toString(count / 4),
                    "--high",
                    Long.toString(c.high()));
            ResultLine[] r = pair(args);
            ResultLine recv = r[1];
            table.add(
                name + " p50 / p99 / p99.9 / max",
                String.format(
                    "%s / %s / %s / %s",
                    ms(recv.number("lat_p50")),
                    ms(recv.number("lat_p99")),
                    ms(recv.number("lat_p999")),
                    ms(recv.number("lat_max"))),
                "ms",
                String.format(
                    "%d x 100 B over %.0f s, first quarter not recorded; received %d, skipped %d",
                    count, c.latencySeconds(), recv.number("messages"), r[0].number("skipped")));
            return Double.NaN;
          });
    }
  }

  private static String ms(long nanos) {
    return ResultTable.format(nanos / 1e6);
  }

  /**
   * Squall ↔ Squall through {@link LinkEmulator}s at {@code rttMillis} RTT, once per loss rate;
   * each transfer is bounded by {@code --lossy-bytes} and {@code --lossy-seconds}.
   */
  void lossy(int rttMillis, double pionMbit) {
    long count = Sizes.messagesFor(c.lossyBytes(), c.size());
    for (double loss : c.losses()) {
      String name = String.format("lossy squall %d ms RTT %.1f%% loss", rttMillis, loss * 100);
      double[] mbit = {Double.NaN};
      measure(
          name,
          () -> {
            List<String> args = new ArrayList<>(bulkArgs(count, c.size()));
            args.addAll(
                List.of(
                    "--rtt-ms",
                    Integer.toString(rttMillis),
                    "--loss",
                    Double.toString(loss),
                    "--max-seconds",
                    Double.toString(c.lossySeconds())));
            ResultLine[] r = pair(args);
            long nanos = r[1].number("last_recv") - r[0].number("first_send");
            long bytes = r[1].number("bytes");
            mbit[0] = Rates.megabitsPerSecond(bytes, nanos);
            table.add(
                name,
                mbit[0],
                "Mbit/s",
                String.format(
                    "%d B in %.2f s; emulator dropped %d of %d datagrams (sender), %d of %d"
                        + " (receiver)",
                    bytes,
                    nanos / 1e9,
                    r[0].number("link_lost"),
                    r[0].number("link_sent"),
                    r[1].number("link_lost"),
                    r[1].number("link_sent")));
            return mbit[0];
          });
      ratio(
          name + " / Pion " + (int) pionMbit + " Mbit/s",
          mbit[0],
          pionMbit,
          "Pion: added latency, no loss stated (pion/sctp#218)");
    }
  }

  /** Heap per idle connection with one open channel. */
  void heap() {
    measure(
        "heap per idle connection",
        () -> {
          ResultLine r =
              procs.run(
                  "idle-heap",
                  BenchProcesses.java(
                      "2g",
                      IdleChannelHeap.class,
                      List.of(
                          "--pairs",
                          Integer.toString(c.heapPairs()),
                          "--timeout-s",
                          Integer.toString(c.timeoutSeconds()))));
          double kib = r.number("bytes_per_connection") / 1024.0;
          table.add(
              "heap per idle connection",
              kib,
              "KiB",
              String.format(
                  "%d pairs, one open channel each, after full GC; %s threads per connection",
                  r.number("pairs"), r.text("threads_per_connection")));
          return kib;
        });
  }

  // ---- the pairs ----

  private List<String> bulkArgs(long count, int size) {
    return List.of(
        "--mode",
        "bulk",
        "--size",
        Integer.toString(size),
        "--count",
        Long.toString(count),
        "--low",
        Long.toString(c.low()),
        "--high",
        Long.toString(c.high()));
  }

  /** Runs a Squall receiver and sender JVM; returns {sender, receiver} result lines. */
  private ResultLine[] pair(List<String> args) throws Exception {
    String dir = procs.newDirectory().toString();
    List<String> common = new ArrayList<>(args);
    common.addAll(List.of("--dir", dir, "--timeout-s", Integer.toString(c.timeoutSeconds())));
    List<String> recvArgs = new ArrayList<>(List.of("--role", "recv"));
    recvArgs.addAll(common);
    List<String> sendArgs = new ArrayList<>(List.of("--role", "send"));
    sendArgs.addAll(common);
    try (ManagedProcess recv =
            procs.start(
                "squall-recv", BenchProcesses.java("1g", SquallDataChannelPeer.class, recvArgs));
        ManagedProcess send =
            procs.start(
                "squall-send", BenchProcesses.java("1g", SquallDataChannelPeer.class, sendArgs))) {
      ResultLine received = procs.result(recv);
      ResultLine sent;
      try {
        // the sender ends when the receiver's "done" arrives; the times come from the receiver
        sent = procs.result(send, Duration.ofSeconds(20));
      } catch (IllegalStateException e) {
        System.out.printf(
            "datachannel: WARNING: the sender never got the receiver's \"done\" (receiver: %s):"
                + " sender CPU unknown%n",
            received.values());
        // its log still holds the "send-start" line with the time of the first send
        send.close();
        sent =
            ResultLine.find(java.nio.file.Files.readString(send.log()))
                .orElse(new ResultLine(java.util.Map.of()));
      }
      return new ResultLine[] {sent, received};
    }
  }

  private double squallPair(List<String> args, String what) throws Exception {
    ResultLine[] r = pair(args);
    long nanos = r[1].number("last_recv") - r[0].number("first_send");
    return report(
        "squall<->squall (2 JVMs)",
        r[1].number("bytes"),
        r[1].number("messages"),
        nanos,
        what,
        "sender "
            + cpuPerGb(r[0].number("cpu_nanos"), r[1].number("bytes"))
            + ", receiver "
            + cpuPerGb(r[1].number("cpu_nanos"), r[1].number("bytes")));
  }

  private double node(long count, int size, String what) throws Exception {
    ResultLine r =
        procs.run(
            "node-datachannel",
            List.of(
                "node",
                c.nodeScript().toString(),
                "--module-dir",
                c.nodeDir().resolve("node_modules/node-datachannel").toString(),
                "--size",
                Integer.toString(size),
                "--count",
                Long.toString(count),
                "--low",
                Long.toString(c.low()),
                "--high",
                Long.toString(c.high()),
                "--timeout-s",
                Integer.toString(c.timeoutSeconds())));
    return report(
        "libdatachannel<->libdatachannel (1 Node process)",
        r.number("bytes"),
        r.number("messages"),
        r.number("nanos"),
        what,
        "process " + cpuPerGb(r.number("cpu_nanos"), r.number("bytes")));
  }

  private double libwebrtc(long count, String what) throws Exception {
    ResultLine r =
        procs.run(
            "libwebrtc",
            BenchProcesses.inNetworkNamespace(
                BenchProcesses.java(
                    "1g",
                    LibWebRtcDataChannelThroughput.class,
                    List.of(
                        "--size",
                        Integer.toString(c.size()),
                        "--count",
                        Long.toString(count),
                        "--low",
                        Long.toString(c.low()),
                        "--high",
                        Long.toString(c.high()),
                        "--timeout-s",
                        Integer.toString(c.timeoutSeconds())))));
    return report(
        "libwebrtc<->libwebrtc (1 JVM, netns veth)",
        r.number("bytes"),
        r.number("messages"),
        r.number("nanos"),
        what,
        "process " + cpuPerGb(r.number("cpu_nanos"), r.number("bytes")));
  }

  /** {chromium<->chromium MB/s, squall->chromium MB/s}. */
  private double[] measureChromium(String what) {
    double[] out = {Double.NaN, Double.NaN};
    try (ChromiumBrowser browser = new ChromiumBrowser(c.timeout())) {
      out[0] =
          measure(
              "chromium<->chromium",
              () -> {
                ResultLine r =
                    ChromiumDataChannel.chromiumToChromium(
                        browser, c.bytes(), c.size(), c.low(), c.high());
                return report(
                    "chromium<->chromium (1 page)",
                    r.number("bytes"),
                    -1,
                    r.number("nanos"),
                    what,
                    "chromium " + cpuPerGb(r.number("chromium_cpu_nanos"), r.number("bytes")));
              });
      out[1] =
          measure(
              "squall->chromium",
              () -> {
                ResultLine r =
                    ChromiumDataChannel.squallToChromium(
                        browser, c.bytes(), c.size(), c.low(), c.high(), c.timeoutSeconds());
                return report(
                    "squall->chromium",
                    r.number("bytes"),
                    -1,
                    r.number("nanos"),
                    what,
                    "squall JVM "
                        + cpuPerGb(r.number("squall_cpu_nanos"), r.number("bytes"))
                        + ", chromium "
                        + cpuPerGb(r.number("chromium_cpu_nanos"), r.number("bytes")));
              });
    } catch (Exception | Error e) {
      table.add("chromium", "FAILED", "", String.valueOf(e).lines().findFirst().orElse(""));
    }
    return out;
  }

  // ---- reporting ----

  /** Adds MB/s (and msg/s for small messages) and returns the figure the ratios use. */
  private double report(
      String name, long bytes, long messages, long nanos, String what, String cpu) {
    double mbps = Rates.megabytesPerSecond(bytes, nanos);
    table.add(
        name, mbps, "MB/s", String.format("%s in %.2f s; CPU s/GB: %s", what, nanos / 1e9, cpu));
    if (messages > 0 && bytes / messages < 1024) {
      double rate = Rates.perSecond(messages, nanos);
      table.add(name, rate, "msg/s", "");
      return rate;
    }
    return mbps;
  }

  private static String cpuPerGb(long cpuNanos, long bytes) {
    return ResultTable.format(Rates.cpuSecondsPerGigabyte(cpuNanos, bytes));
  }

  private void ratio(String name, double a, double b, String note) {
    table.add(name, Rates.times(Rates.ratio(a, b)), "", note);
  }

  private interface Measurement {
    double run() throws Exception;
  }

  private double measure(String name, Measurement m) {
    long start = System.nanoTime();
    System.out.printf("datachannel: %s ...%n", name);
    try {
      double v = m.run();
      System.out.printf(
          "datachannel: %s done in %.1f s%n", name, (System.nanoTime() - start) / 1e9);
      return v;
    } catch (Exception e) {
      System.out.printf("datachannel: %s FAILED: %s%n", name, e);
      table.add(name, "FAILED", "", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      return Double.NaN;
    }
  }
}
