package dev.squall.bench.signal;

import dev.squall.bench.Machine;
import dev.squall.bench.ManagedProcess;
import dev.squall.bench.ProcStats;
import dev.squall.bench.ResultTable;
import dev.squall.bench.SquallServerProcess;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Signaling relay benchmark: N WebSocket clients in groups of 4 relaying offers and candidates to
 * each other through Squall and through the PeerJS server (the anchor), one server at a time, each
 * a separate process. Measures the server's heap (Squall) and RSS per idle joined connection, relay
 * latency at a light fixed rate, and the maximum sustained relay rate found by stepping an
 * open-loop offered rate up until delivery, loss or p99 breaks.
 */
@Command(name = "signal-bench", mixinStandardHelpOptions = true, description = "signaling relay")
public final class SignalBench implements Callable<Integer> {
  @Option(names = "--jar", defaultValue = "cli/target/squall-all.jar")
  Path jar;

  @Option(
      names = "--peerjs-dir",
      defaultValue = "bench/target/peerjs",
      description = "directory holding node_modules/peer")
  Path peerJsDir;

  @Option(names = "--servers", split = ",", defaultValue = "squall,peerjs")
  List<String> servers;

  @Option(names = "--clients", defaultValue = "10000")
  int clients;

  @Option(names = "--loops", defaultValue = "2", description = "client event loops")
  int loops;

  @Option(names = "--source-addresses", defaultValue = "4", description = "127.0.0.1..N")
  int sourceAddresses;

  @Option(names = "--handshakes", defaultValue = "256", description = "handshakes in flight")
  int handshakes;

  @Option(
      names = "--latency-rate",
      defaultValue = "1.0",
      description = "messages/s per client in the latency phase")
  double latencyRatePerClient;

  @Option(names = "--latency-warmup", defaultValue = "30")
  int latencyWarmup;

  @Option(names = "--latency-duration", defaultValue = "15")
  int latencyDuration;

  @Option(names = "--step-start", defaultValue = "2000", description = "first offered msgs/s")
  double stepStart;

  @Option(names = "--step-factor", defaultValue = "1.4")
  double stepFactor;

  @Option(names = "--step-max", defaultValue = "400000")
  double stepMax;

  @Option(names = "--step-warmup", defaultValue = "2")
  int stepWarmup;

  @Option(names = "--step-duration", defaultValue = "5")
  int stepDuration;

  @Option(
      names = "--p99-limit-ms",
      defaultValue = "50",
      description = "a step whose p99 exceeds this is not sustained")
  double p99LimitMs;

  @Option(names = "--server-jvm-opts", split = " ")
  List<String> jvmOpts = new ArrayList<>();

  @Option(names = "--squall-args", split = " ", description = "extra `serve` arguments")
  List<String> squallArgs = new ArrayList<>();

  @Option(names = "--results", description = "append result rows (TSV) to this file")
  Path results;

  private final Map<String, ServerRun> runs = new LinkedHashMap<>();
  private double loadBefore;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SignalBench()).execute(args));
  }

  /** What one server measured. */
  private static final class ServerRun {
    double connectSeconds;
    double connectCpuMicros;
    double heapPerConn = Double.NaN;
    double rssPerConn = Double.NaN;
    PhaseResult latency;
    PhaseResult best;
    PhaseResult broke;
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("squall-signal-bench");
    System.out.println("logs in " + dir);
    System.out.println("machine: " + Machine.describe());
    loadBefore = Machine.loadAverage();
    for (String name : servers) {
      ServerRun run = new ServerRun();
      runs.put(name, run);
      ManagedProcess process;
      int port;
      RelayProtocol protocol;
      if (name.equals("squall")) {
        var s = SquallServerProcess.start(jar, jvmOpts, squallArgs, dir);
        process = s.process();
        port = s.httpPort();
        protocol = new SquallProtocol();
      } else if (name.equals("peerjs")) {
        var s = PeerJsServer.start(peerJsDir, clients, dir);
        process = s.process();
        port = s.port();
        protocol = new PeerJsProtocol();
      } else {
        throw new IllegalArgumentException("unknown server " + name);
      }
      try (process) {
        measure(run, protocol, process, port);
      }
    }
    report();
    return 0;
  }

  private void measure(ServerRun run, RelayProtocol protocol, ManagedProcess server, int port)
      throws Exception {
    long pid = server.pid();
    boolean jvm = protocol instanceof SquallProtocol;
    Thread.sleep(2000);
    long heap0 = jvm ? ProcStats.heapUsedAfterGc(pid) : -1;
    long rss0 = ProcStats.rssBytes(pid);
    try (ClientFleet fleet =
        new ClientFleet(
            protocol, new InetSocketAddress("127.0.0.1", port), loops, sourceAddresses)) {
      long t0 = System.nanoTime();
      long cpu0 = ProcStats.cpuNanos(pid);
      var threads0 = ProcStats.threadCpuNanos(pid);
      fleet.connectAll(clients, handshakes, Duration.ofSeconds(300));
      run.connectSeconds = (System.nanoTime() - t0) / 1e9;
      run.connectCpuMicros = (ProcStats.cpuNanos(pid) - cpu0) / 1e3 / clients;
      System.out.printf(
          "%s: %d clients connected and ready in %.1f s, server CPU %.0f us per connection%n"
              + "    busiest server threads: %s%n",
          protocol.name(),
          clients,
          run.connectSeconds,
          run.connectCpuMicros,
          ProcStats.topThreads(threads0, ProcStats.threadCpuNanos(pid), 5));
      Thread.sleep(3000);
      long heap1 = jvm ? ProcStats.heapUsedAfterGc(pid) : -1;
      long rss1 = ProcStats.rssBytes(pid);
      if (heap0 > 0 && heap1 > 0) {
        run.heapPerConn = (heap1 - heap0) / (double) clients;
      }
      if (rss0 > 0 && rss1 > 0) {
        run.rssPerConn = (rss1 - rss0) / (double) clients;
      }
      System.out.printf(
          "%s: idle heap %s, RSS %s per connection%n",
          protocol.name(),
          Double.isNaN(run.heapPerConn) ? "n/a" : String.format("%.0f B", run.heapPerConn),
          String.format("%.0f B", run.rssPerConn));

      run.latency =
          phase(fleet, server, clients * latencyRatePerClient, latencyWarmup, latencyDuration);
      System.out.println(protocol.name() + " latency phase: " + run.latency.summary());
      for (double rate = stepStart; rate <= stepMax; rate *= stepFactor) {
        PhaseResult step = phase(fleet, server, rate, stepWarmup, stepDuration);
        boolean ok = step.sustained(p99LimitMs);
        System.out.println(
            protocol.name() + " step " + (ok ? "ok    " : "BROKE ") + step.summary());
        if (!ok) {
          run.broke = step;
          break;
        }
        run.best = step;
      }
      if (!fleet.errorSamples().isEmpty()) {
        System.out.println(protocol.name() + " error samples: " + fleet.errorSamples());
      }
    }
    if (!server.isAlive()) {
      throw new IllegalStateException(protocol.name() + " died:\n" + server.logTail());
    }
  }

  private PhaseResult phase(
      ClientFleet fleet, ManagedProcess server, double rate, int warmup, int duration)
      throws Exception {
    LoopStats.Snapshot before = fleet.totals();
    fleet.pace(rate);
    Thread.sleep(warmup * 1000L);
    fleet.startWindow();
    var threads0 = ProcStats.threadCpuNanos(server.pid());
    long cpu0 = ProcStats.cpuNanos(server.pid());
    long self = ProcessHandle.current().pid();
    long clientCpu0 = ProcStats.cpuNanos(self);
    long t0 = System.nanoTime();
    Thread.sleep(duration * 1000L);
    LoopStats.Snapshot window = fleet.endWindow();
    double seconds = (System.nanoTime() - t0) / 1e9;
    long cpu1 = ProcStats.cpuNanos(server.pid());
    double clientCpu = (ProcStats.cpuNanos(self) - clientCpu0) / 1e9;
    String busiest = ProcStats.topThreads(threads0, ProcStats.threadCpuNanos(server.pid()), 5);
    fleet.stopPacing();
    // drain: wait until everything sent has arrived, at most 3 s
    LoopStats.Snapshot after = fleet.totals();
    for (int i = 0; i < 30 && after.totalReceived() < after.totalSent(); i++) {
      Thread.sleep(100);
      after = fleet.totals();
    }
    long lost =
        (after.totalSent() - after.totalReceived()) - (before.totalSent() - before.totalReceived());
    double cpu = cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / 1e9;
    return new PhaseResult(rate, seconds, window, Math.max(0, lost), cpu, clientCpu, busiest);
  }

  private void report() throws Exception {
    ResultTable table = new ResultTable("signal");
    String shape = clients + " clients, groups of 4";
    for (var e : runs.entrySet()) {
      String n = e.getKey();
      ServerRun r = e.getValue();
      table.add(
          n + " connect+join",
          r.connectSeconds,
          "s",
          shape + String.format(", %.0f us server CPU/conn", r.connectCpuMicros));
      if (!Double.isNaN(r.heapPerConn)) {
        table.add(n + " heap/idle conn", r.heapPerConn / 1024, "KiB", "jcmd GC.run + GC.heap_info");
      }
      table.add(n + " RSS/idle conn", r.rssPerConn / 1024, "KiB", "/proc VmRSS delta");
      if (r.latency != null) {
        String at = String.format("at %,.0f msg/s", r.latency.offeredRate());
        table.add(n + " relay p50", r.latency.window().latency().percentile(50) / 1e6, "ms", at);
        table.add(n + " relay p99", r.latency.p99Millis(), "ms", at);
        table.add(
            n + " relay p99.9", r.latency.window().latency().percentile(99.9) / 1e6, "ms", at);
        table.add(n + " latency-phase loss", Long.toString(r.latency.lost()), "msgs", at);
      }
      if (r.best != null) {
        table.add(
            n + " max sustained relay",
            r.best.deliveredRate(),
            "msg/s",
            String.format(
                "p99 %.1f ms, %.1f us server CPU/msg",
                r.best.p99Millis(), r.best.serverMicrosPerMessage()));
      } else {
        table.add(n + " max sustained relay", "< " + (long) stepStart, "msg/s", "first step broke");
      }
      if (r.broke != null) {
        table.add(
            n + " first broken step",
            r.broke.offeredRate(),
            "msg/s",
            String.format(
                "delivered %,.0f/s, p99 %.1f ms, lost %d, skipped %d, behind %d",
                r.broke.deliveredRate(),
                r.broke.p99Millis(),
                r.broke.lost(),
                r.broke.window().skipped(),
                r.broke.window().behind()));
      }
    }
    ServerRun squall = runs.get("squall");
    ServerRun peerjs = runs.get("peerjs");
    if (squall != null && squall.latency != null) {
      double p99 = squall.latency.p99Millis();
      table.add("squall relay p99 goal", p99, "ms", "goal < 5 ms: " + (p99 < 5 ? "met" : "MISSED"));
    }
    if (squall != null && !Double.isNaN(squall.heapPerConn)) {
      double kib = squall.heapPerConn / 1024;
      table.add("squall heap goal", kib, "KiB", "goal < 16 KiB: " + (kib < 16 ? "met" : "MISSED"));
    }
    if (squall != null && peerjs != null && squall.best != null && peerjs.best != null) {
      double ratio = squall.best.deliveredRate() / peerjs.best.deliveredRate();
      table.add(
          "squall/peerjs relay rate", ratio, "x", "goal >= 2x: " + (ratio >= 2 ? "met" : "MISSED"));
    }
    Machine.addLoad(table, loadBefore, Machine.loadAverage());
    table.print(System.out, results);
  }
}
