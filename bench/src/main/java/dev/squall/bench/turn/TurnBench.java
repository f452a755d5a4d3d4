package dev.squall.bench.turn;

import dev.squall.bench.Machine;
import dev.squall.bench.ManagedProcess;
import dev.squall.bench.ProcStats;
import dev.squall.bench.ResultTable;
import dev.squall.bench.SquallServerProcess;
import dev.squall.turn.TurnRestCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * TURN relay performance on loopback: Squall against coturn in one run, both as separate processes
 * with the same REST secret and the same load generator. Two measurements:
 *
 * <ol>
 *   <li>Relay throughput: N allocations (default 1 and 100), each with a channel bound to one echo
 *       peer, carry ChannelData messages of 1,000 bytes, sent open loop at a paced rate by {@link
 *       RelayLoadGenerator}. For every server a rate search finds the highest relayed packet rate
 *       with at most {@code --max-loss} round trips lost ("at equal loss"); the same search without
 *       any server (generator straight to the echo peer) shows what the harness itself can move.
 *       Then every target carries the same moderate rate ({@code --latency-rate}) for the
 *       round-trip latency, and the latency the relay adds over the direct path. Rounds alternate
 *       the order of the servers, so drift on a shared machine hits both; results are medians over
 *       rounds.
 *   <li>Allocation storm: 10,000 authenticated allocations, each from its own socket and user, as
 *       fast as the server answers: allocations/s, and memory per allocation (the Java heap after a
 *       full GC for Squall, the resident set for both).
 * </ol>
 */
@Command(name = "turn-bench", mixinStandardHelpOptions = true, description = "TURN relay load")
public final class TurnBench implements Callable<Integer> {
  @Option(
      names = "--jar",
      description = "runnable Squall jar",
      defaultValue = "cli/target/squall-all.jar")
  Path jar;

  @Option(
      names = "--allocations",
      split = ",",
      defaultValue = "1,100",
      description = "allocations per throughput shape")
  List<Integer> allocations;

  @Option(names = "--payload", defaultValue = "1000", description = "ChannelData payload bytes")
  int payload;

  @Option(
      names = "--warmup",
      defaultValue = "5",
      description = "seconds of load on every target before its first round (JIT, caches)")
  int warmup;

  @Option(names = "--duration", defaultValue = "3", description = "measured seconds per probe")
  double duration;

  @Option(names = "--rounds", defaultValue = "3", description = "rounds per shape")
  int rounds;

  @Option(
      names = "--max-loss",
      defaultValue = "1.0",
      description = "loss (%) a rate may have and still count as carried")
  double maxLoss;

  @Option(
      names = "--start-rate",
      defaultValue = "20000",
      description = "relayed pkt/s the first rate search starts at")
  double startRate;

  @Option(
      names = "--latency-rate",
      defaultValue = "20000",
      description = "relayed pkt/s at which latency is compared")
  double latencyRate;

  @Option(names = "--storm", defaultValue = "10000", description = "allocations in the storm")
  int storm;

  @Option(
      names = "--storm-warmup",
      defaultValue = "2000",
      description = "allocations made (and kept) before the measured storm")
  int stormWarmup;

  @Option(names = "--storm-in-flight", defaultValue = "200", description = "storm concurrency")
  int stormInFlight;

  @Option(names = "--coturn-relay-threads", description = "override coturn's default")
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

  private static final String REALM = "bench.squall.dev";
  private static final String DIRECT = "direct";
  private static final InetAddress CLIENT = clientAddress();
  private static final Duration PROBE_WARMUP = Duration.ofMillis(500);
  private static final Duration DRAIN = Duration.ofMillis(300);

  /** A server under test (no process for the direct path). */
  private record Target(String name, ManagedProcess process, int port) {
    long cpuNanos() {
      return process == null ? -1 : ProcStats.cpuNanos(process.pid());
    }
  }

  private final List<Target> targets = new ArrayList<>();
  private final Map<String, List<ThroughputReport.Round>> throughput = new HashMap<>();
  private final Map<String, Double> lastBest = new HashMap<>();
  private final Map<String, Double> stormRates = new HashMap<>();
  private final ResultTable table = new ResultTable("turn");
  private String secret;
  private double loadBefore;

  public static void main(String[] args) {
    System.exit(new CommandLine(new TurnBench()).execute(args));
  }

  private static InetAddress clientAddress() {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Integer call() throws Exception {
    Path dir = Files.createTempDirectory("squall-turn-bench");
    System.out.println("logs and configs in " + dir);
    System.out.println("machine: " + Machine.describe());
    loadBefore = Machine.loadAverage();
    byte[] s = new byte[24];
    new SecureRandom().nextBytes(s);
    secret = Base64.getUrlEncoder().withoutPadding().encodeToString(s);
    try (EchoPeer peer = new EchoPeer()) {
      if (servers.contains("squall")) {
        var started =
            SquallServerProcess.start(
                jar,
                jvmOpts,
                List.of(
                    "--turn-secret",
                    secret,
                    "--turn-realm",
                    REALM,
                    "--turn-allow-loopback-peers",
                    "--turn-max-allocations",
                    Integer.toString(storm + stormWarmup + 1000),
                    "--turn-port-range",
                    "49152-65535",
                    // coturn relays without a rate limit by default; so does the server here
                    "--turn-bandwidth",
                    "0"),
                dir);
        targets.add(new Target("squall", started.process(), started.stunPort()));
        System.out.printf("squall pid %d%n", started.process().pid());
      }
      if (servers.contains("coturn")) {
        Path coturnDir = Files.createDirectories(dir.resolve("coturn"));
        var c = CoturnTurn.start(coturnDir, REALM, secret, coturnThreads);
        targets.add(new Target("coturn", c.process(), c.port()));
        System.out.printf(
            "coturn pid %d, relay threads %s, config %s%n",
            c.process().pid(),
            coturnThreads == null ? "default (one per CPU)" : coturnThreads,
            c.config());
      }
      Target direct = new Target(DIRECT, null, 0);
      for (Target t : targets) {
        warmUp(t, peer);
      }
      for (int count : allocations) {
        for (int round = 0; round < rounds; round++) {
          relayRound(direct, peer, count, round);
          for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get((i + round) % targets.size());
            relayRound(t, peer, count, round);
          }
        }
      }
      if (storm > 0) {
        StormMeasurement storms =
            new StormMeasurement(table, secret, stormWarmup, storm, stormInFlight);
        for (Target t : targets) {
          stormRates.put(
              t.name(),
              storms.measure(
                  t.name(), t.process().pid(), new InetSocketAddress("127.0.0.1", t.port())));
          // its allocations hold most of the relay port range until they expire: stop the server
          // so the next one finds the range free
          t.process().close();
        }
      }
      report();
      return 0;
    } finally {
      for (Target t : targets) {
        t.process().close();
      }
    }
  }

  /** Sockets carrying the load to {@code t}: allocations, or plain sockets to the echo peer. */
  private List<TurnSession> open(Target t, EchoPeer peer, int count, String tag)
      throws IOException {
    List<TurnSession> sessions = new ArrayList<>();
    TurnRestCredentials creds = new TurnRestCredentials(secret);
    Instant expiry = Instant.now().plusSeconds(3600);
    try {
      for (int i = 0; i < count; i++) {
        if (t.process() == null) {
          sessions.add(TurnSession.direct(CLIENT, peer.address()));
          continue;
        }
        var c = creds.mint(tag + "-" + i, expiry);
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", t.port());
        TurnSession session = TurnSession.allocate(CLIENT, server, c.username(), c.password());
        sessions.add(session);
        session.bindChannel(peer.address());
      }
      return sessions;
    } catch (IOException | RuntimeException e) {
      close(sessions);
      throw e;
    }
  }

  private static void close(List<TurnSession> sessions) {
    for (TurnSession session : sessions) {
      session.release();
      try {
        session.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private RelayLoadGenerator.Result probe(
      Target t, List<TurnSession> sessions, double rate, Duration warm, Duration measure)
      throws IOException {
    var config =
        new RelayLoadGenerator.Config(rate, payload, t.process() != null, warm, measure, DRAIN);
    List<DatagramChannel> sockets = new ArrayList<>();
    for (TurnSession session : sessions) {
      sockets.add(session.channel());
    }
    var r = new RelayLoadGenerator(config).run(t.name(), sockets, t::cpuNanos);
    if (t.process() != null && !t.process().isAlive()) {
      throw new IllegalStateException(t.name() + " died:\n" + t.process().logTail());
    }
    return r;
  }

  private void print(RelayLoadGenerator.Result r, int count, int round, boolean ok) {
    System.out.printf(
        "  %3d alloc round %d %-7s offered %,9.0f  relayed %,9.0f pkt/s  loss %6.2f%%  rtt"
            + " p50 %6.0f us p99 %7.0f us  server %s cores  generator %.2f cores%s%n",
        count,
        round + 1,
        r.label(),
        r.offeredPacketsPerSecond(),
        r.relayedPacketsPerSecond(),
        100 * r.lossRatio(),
        r.latency().percentile(50) / 1e3,
        r.latency().percentile(99) / 1e3,
        r.serverCpuSeconds() < 0 ? "n/a" : ResultTable.format(r.serverCpuSeconds() / r.seconds()),
        r.clientCpuSeconds() / r.seconds(),
        ok
            ? ""
            : r.keptUp() ? "  (too much loss)" : "  (offered rate fell short: generator starved)");
  }

  private boolean carried(RelayLoadGenerator.Result r) {
    return r.keptUp() && 100 * r.lossRatio() <= maxLoss;
  }

  /** A few seconds of load on one allocation, so the first round does not pay for the JIT. */
  private void warmUp(Target t, EchoPeer peer) throws IOException {
    if (warmup <= 0) {
      return;
    }
    List<TurnSession> sessions = open(t, peer, 1, "warmup");
    try {
      // the figures printed are those of the second half
      Duration half = Duration.ofMillis(warmup * 500L);
      var r = probe(t, sessions, startRate, half, half);
      System.out.printf(
          "warm-up %-7s %,8.0f pkt/s relayed, loss %.2f%%, rtt p50 %,.0f us p99 %,.0f us,"
              + " server cpu %.2f us/pkt%n",
          t.name(),
          r.relayedPacketsPerSecond(),
          100 * r.lossRatio(),
          r.latency().percentile(50) / 1e3,
          r.latency().percentile(99) / 1e3,
          r.serverCpuMicrosPerPacket());
    } finally {
      close(sessions);
    }
  }

  /**
   * The rate search: up by half while the rate is carried, then halving the gap between the best
   * carried rate and the lowest refused one until they are within 8 %; then the common rate.
   */
  private void relayRound(Target t, EchoPeer peer, int count, int round) throws Exception {
    List<TurnSession> sessions = open(t, peer, count, "load-" + round);
    try {
      Duration measure = Duration.ofMillis(Math.round(duration * 1000));
      double rate = lastBest.getOrDefault(key(t.name(), count), startRate / 0.8) * 0.8;
      RelayLoadGenerator.Result best = null;
      double refused = Double.NaN;
      boolean starved = false;
      for (int probe = 0; probe < 12; probe++) {
        // a second try before a rate counts as refused: on a shared machine one probe can lose a
        // burst to another process's time slice
        RelayLoadGenerator.Result r = null;
        boolean ok = false;
        for (int attempt = 0; attempt < 2 && !ok; attempt++) {
          r = probe(t, sessions, rate, PROBE_WARMUP, measure);
          ok = carried(r);
          print(r, count, round, ok);
        }
        if (ok) {
          best = r;
        } else {
          refused = Double.isNaN(refused) ? rate : Math.min(refused, rate);
          if (!r.keptUp()) {
            starved = true;
          }
        }
        double low = best == null ? 0 : best.targetRate();
        if (Double.isNaN(refused)) {
          rate *= 1.5;
        } else if (best == null) {
          rate = refused / 2;
          if (rate < 1000) {
            break;
          }
        } else if (refused / low <= 1.08) {
          break;
        } else {
          rate = (low + refused) / 2;
        }
      }
      if (best == null) {
        throw new IllegalStateException(t.name() + " carried no rate without loss above limit");
      }
      lastBest.put(key(t.name(), count), best.targetRate());
      var common = probe(t, sessions, latencyRate, PROBE_WARMUP, measure);
      System.out.printf(
          "%3d alloc round %d %-7s best %,9.0f pkt/s %6.1f MB/s loss %.2f%%%s;"
              + " at %,.0f pkt/s: rtt p50 %,.0f us p99 %,.0f us, loss %.2f%%%n",
          count,
          round + 1,
          t.name(),
          best.relayedPacketsPerSecond(),
          best.relayedMegabytesPerSecond(),
          100 * best.lossRatio(),
          starved ? " (some probes offered less than asked)" : "",
          latencyRate,
          common.latency().percentile(50) / 1e3,
          common.latency().percentile(99) / 1e3,
          100 * common.lossRatio());
      throughput
          .computeIfAbsent(key(t.name(), count), k -> new ArrayList<>())
          .add(new ThroughputReport.Round(best, common));
    } finally {
      close(sessions);
    }
  }

  private static String key(String name, int count) {
    return name + "|" + count;
  }

  private void report() throws Exception {
    ThroughputReport rows = new ThroughputReport(table, maxLoss, latencyRate, DRAIN);
    for (int count : allocations) {
      String shape =
          count + " alloc, " + payload + " B, " + ResultTable.format(duration) + " s probes";
      Map<String, List<ThroughputReport.Round>> byTarget = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(List.of(DIRECT));
      targets.forEach(t -> names.add(t.name()));
      for (String name : names) {
        List<ThroughputReport.Round> rs = throughput.get(key(name, count));
        if (rs != null) {
          byTarget.put(name, rs);
        }
      }
      rows.add(count, shape, DIRECT, byTarget);
    }
    if (stormRates.containsKey("squall") && stormRates.containsKey("coturn")) {
      table.add(
          "squall/coturn allocations/s",
          stormRates.get("squall") / stormRates.get("coturn"),
          "x",
          storm + " allocations, one run each");
    }
    Machine.addLoad(table, loadBefore, Machine.loadAverage());
    table.print(System.out, results);
  }
}
