package dev.squall.bench.stun;

import dev.squall.bench.LatencyHistogram;
import dev.squall.bench.Machine;
import dev.squall.bench.ProcStats;
import dev.squall.bench.ResultTable;
import dev.squall.bench.SquallServerProcess;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * STUN Binding transactions per second on loopback: Squall against coturn in one run, with the same
 * load generator and the same outstanding-request window. Both servers run as separate processes
 * started and stopped here; rounds alternate between them so drift on a shared machine hits both.
 */
@Command(name = "stun-bench", mixinStandardHelpOptions = true, description = "STUN Binding tx/s")
public final class StunBench implements Callable<Integer> {
  @Option(
      names = "--jar",
      description = "runnable Squall jar",
      defaultValue = "cli/target/squall-all.jar")
  Path jar;

  @Option(names = "--sockets", defaultValue = "8", description = "client UDP sockets")
  int sockets;

  @Option(names = "--window", defaultValue = "64", description = "requests in flight per socket")
  int window;

  @Option(names = "--warmup", defaultValue = "3", description = "warm-up seconds per round")
  int warmup;

  @Option(names = "--duration", defaultValue = "10", description = "measured seconds per round")
  int duration;

  @Option(names = "--rounds", defaultValue = "3", description = "rounds per server (alternating)")
  int rounds;

  @Option(names = "--timeout-ms", defaultValue = "500", description = "request timeout")
  int timeoutMs;

  @Option(names = "--coturn-relay-threads", description = "override coturn's default thread count")
  Integer coturnThreads;

  @Option(
      names = "--server-jvm-opts",
      split = " ",
      description = "JVM options of the Squall server")
  List<String> jvmOpts = new ArrayList<>();

  @Option(names = "--servers", split = ",", defaultValue = "squall,coturn")
  List<String> servers;

  @Option(names = "--results", description = "append result rows (TSV) to this file")
  Path results;

  public static void main(String[] args) {
    System.exit(new CommandLine(new StunBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("squall-stun-bench");
    System.out.println("logs and configs in " + dir);
    System.out.println("machine: " + Machine.describe());
    loadBefore = Machine.loadAverage();
    try {
      if (servers.contains("squall")) {
        var s = SquallServerProcess.start(jar, jvmOpts, List.of(), dir);
        targets.add(new Target("squall", s.process(), s.stunPort()));
      }
      if (servers.contains("proposed")) {
        int port = dev.squall.bench.Ports.free();
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOpts);
        cmd.addAll(
            List.of(
                "-cp",
                cp,
                ReusePortStunResponder.class.getName(),
                "--port",
                "" + port,
                "--threads",
                "" + Runtime.getRuntime().availableProcessors()));
        var p = dev.squall.bench.ManagedProcess.start("proposed", cmd, dir.resolve("proposed.log"));
        targets.add(new Target("proposed", p, port));
        var target = new InetSocketAddress("127.0.0.1", port);
        p.awaitReady(() -> dev.squall.bench.StunProbe.answers(target), Duration.ofSeconds(30));
      }
      if (servers.contains("coturn")) {
        Path coturnDir = Files.createDirectories(dir.resolve("coturn"));
        var c = Coturn.start(coturnDir, coturnThreads);
        targets.add(new Target("coturn", c.process(), c.port()));
        System.out.printf(
            "coturn pid %d: %d threads, relay-threads %s, config %s%n",
            c.process().pid(),
            Coturn.threadCount(c.process().pid()),
            coturnThreads == null
                ? "default (" + Runtime.getRuntime().availableProcessors() + " CPUs)"
                : coturnThreads.toString(),
            c.config());
      }
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < targets.size(); i++) {
          Target t = targets.get((i + round) % targets.size());
          runOnce(t, round);
        }
      }
      report();
      return 0;
    } finally {
      for (Target t : targets) {
        t.process.close();
      }
    }
  }

  private void runOnce(Target t, int round) throws Exception {
    var config =
        new StunLoadGenerator.Config(
            new InetSocketAddress("127.0.0.1", t.port),
            sockets,
            window,
            Duration.ofSeconds(warmup),
            Duration.ofSeconds(duration),
            Duration.ofMillis(timeoutMs),
            2_000_000_000L);
    long pid = t.process.pid();
    var threads = new java.util.concurrent.atomic.AtomicReference<Map<String, Long>>();
    var udp = new java.util.concurrent.atomic.AtomicReference<Map<String, Long>>();
    var report = new StringBuilder();
    var r =
        new StunLoadGenerator(config)
            .run(
                t.name,
                () -> ProcStats.cpuNanos(pid),
                () -> {
                  threads.set(ProcStats.threadCpuNanos(pid));
                  udp.set(ProcStats.udpCounters());
                },
                () -> {
                  Map<String, Long> u = ProcStats.udpCounters();
                  long drops =
                      u.getOrDefault("RcvbufErrors", 0L)
                          - udp.get().getOrDefault("RcvbufErrors", 0L);
                  t.rcvbufDrops += drops;
                  report
                      .append("    kernel UDP receive-buffer drops (all sockets): ")
                      .append(drops)
                      .append("\n    busiest server threads: ")
                      .append(
                          ProcStats.topThreads(threads.get(), ProcStats.threadCpuNanos(pid), 6));
                });
    if (!t.process.isAlive()) {
      throw new IllegalStateException(t.name + " died:\n" + t.process.logTail());
    }
    t.results.add(r);
    System.out.printf(
        "round %d %-7s %,10.0f tx/s  p50 %6.0f us  p99 %6.0f us  timeouts %d  invalid %d  "
            + "server cpu %.2f cores, %.2f us/tx  client cpu %.2f cores%n",
        round + 1,
        t.name,
        r.txPerSecond(),
        r.latency().percentile(50) / 1e3,
        r.latency().percentile(99) / 1e3,
        r.timeouts(),
        r.invalid(),
        r.serverCpuSeconds() / r.seconds(),
        r.serverCpuMicrosPerTx(),
        r.clientCpuSeconds() / r.seconds());
    System.out.println(report);
  }

  private void report() throws Exception {
    ResultTable table = new ResultTable("stun");
    String shape = sockets + " sockets x " + window + " in flight, " + duration + " s x " + rounds;
    Map<String, Double> mean = new java.util.HashMap<>();
    for (Target t : targets) {
      LatencyHistogram all = new LatencyHistogram();
      double tx = 0;
      double cpu = 0;
      long timeouts = 0;
      long invalid = 0;
      for (var r : t.results) {
        all.add(r.latency());
        tx += r.txPerSecond();
        cpu += r.serverCpuMicrosPerTx();
        timeouts += r.timeouts();
        invalid += r.invalid();
      }
      tx /= t.results.size();
      cpu /= t.results.size();
      table.add(t.name + " tx/s", tx, "tx/s", shape);
      table.add(t.name + " latency p50", all.percentile(50) / 1e3, "us", "");
      table.add(t.name + " latency p99", all.percentile(99) / 1e3, "us", "");
      table.add(t.name + " latency p99.9", all.percentile(99.9) / 1e3, "us", "");
      table.add(t.name + " timeouts", Long.toString(timeouts), "", timeoutMs + " ms timeout");
      table.add(t.name + " invalid", Long.toString(invalid), "", "bad or unexpected responses");
      table.add(t.name + " server cpu/tx", cpu, "us", "server CPU time per transaction");
      table.add(
          t.name + " UDP rcvbuf drops",
          Long.toString(t.rcvbufDrops),
          "",
          "kernel RcvbufErrors while measuring");
      mean.put(t.name, tx);
    }
    Target coturn = find("coturn");
    for (String name : List.of("squall", "proposed")) {
      Target t = find(name);
      if (t == null || coturn == null) {
        continue;
      }
      double ratio = mean.get(name) / mean.get("coturn");
      StringBuilder perRound = new StringBuilder();
      for (int i = 0; i < Math.min(t.results.size(), coturn.results.size()); i++) {
        perRound
            .append(i == 0 ? "" : ", ")
            .append(
                ResultTable.format(
                    t.results.get(i).txPerSecond() / coturn.results.get(i).txPerSecond()));
      }
      table.add(
          name + "/coturn tx/s",
          ratio,
          "x",
          (name.equals("squall")
                  ? "goal >= 1.2x: " + (ratio >= 1.2 ? "met" : "MISSED") + "; "
                  : "experiment; ")
              + "per round "
              + perRound);
    }
    Machine.addLoad(table, loadBefore, Machine.loadAverage());
    table.print(System.out, results);
  }

  private final List<Target> targets = new ArrayList<>();

  private Target find(String name) {
    return targets.stream().filter(t -> t.name.equals(name)).findFirst().orElse(null);
  }

  private double loadBefore;

  private static final class Target {
    final String name;
    final dev.squall.bench.ManagedProcess process;
    final int port;
    final List<StunLoadGenerator.Result> results = new ArrayList<>();
    long rcvbufDrops;

    Target(String name, dev.squall.bench.ManagedProcess process, int port) {
      this.name = name;
      this.process = process;
      this.port = port;
    }
  }
}
