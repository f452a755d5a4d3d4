package dev.squall.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads resource use of another process on Linux: CPU time and RSS from {@code /proc}, and the Java
 * heap of a JVM through {@code jcmd}. Every method returns -1 when the value is unavailable.
 */
public final class ProcStats {
  private static final Pattern HEAP_USED =
      Pattern.compile(
          "(?m)^\\s*\\S.*heap\\s+total (?:reserved )?\\d+K, (?:committed \\d+K, )?used (\\d+)K");
  private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");
  private static final long TICKS_PER_SECOND = 100; // USER_HZ on every Linux we run on

  private ProcStats() {}

  /** User plus system CPU time of process {@code pid} (all threads), in nanoseconds. */
  public static long cpuNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // fields after the ")" of the command name: state is field 3, utime 14, stime 15
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * User and system CPU time of process {@code pid} (all threads), in nanoseconds: {@code {user,
   * system}}, or {@code {-1, -1}} when unavailable.
   */
  public static long[] cpuUserSystemNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long tick = 1_000_000_000L / TICKS_PER_SECOND;
      return new long[] {Long.parseLong(f[11]) * tick, Long.parseLong(f[12]) * tick};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }

  /**
   * CPU time per thread of process {@code pid}, by thread name (threads of the same name are
   * summed), in nanoseconds; empty when unavailable.
   */
  public static java.util.Map<String, Long> threadCpuNanos(long pid) {
    java.util.Map<String, Long> byName = new java.util.TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          String stat = Files.readString(task.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
          byName.merge(name, ticks * (1_000_000_000L / TICKS_PER_SECOND), Long::sum);
        } catch (IOException | RuntimeException threadGone) {
          // the thread ended while we looked
        }
      }
    } catch (IOException e) {
      return byName;
    }
    return byName;
  }

  /** The {@code n} largest differences {@code after - before}, formatted "name 1.23s, ...". */
  public static String topThreads(
      java.util.Map<String, Long> before, java.util.Map<String, Long> after, int n) {
    return after.entrySet().stream()
        .map(
            e ->
                java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .limit(n)
        .map(e -> String.format("%s %.2fs", e.getKey(), e.getValue() / 1e9))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** Counters of /proc/net/snmp's "Udp:" line by name (InDatagrams, RcvbufErrors, ...). */
  public static java.util.Map<String, Long> udpCounters() {
    java.util.Map<String, Long> counters = new java.util.HashMap<>();
    try {
      String[] header = null;
      for (String line : Files.readAllLines(Path.of("/proc/net/snmp"))) {
        if (line.startsWith("Udp: ")) {
          String[] f = line.substring(5).trim().split("\\s+");
          if (header == null) {
            header = f;
          } else {
            for (int i = 0; i < Math.min(header.length, f.length); i++) {
              counters.put(header[i], Long.parseLong(f[i]));
            }
            break;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return counters;
    }
    return counters;
  }

  /** Resident set size of process {@code pid}, in bytes. */
  public static long rssBytes(long pid) {
    try {
      Matcher m = VM_RSS.matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
      return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** Runs a full GC in JVM {@code pid} ({@code jcmd GC.run}) and returns its heap use after it. */
  public static long heapUsedAfterGc(long pid) throws InterruptedException {
    jcmd(pid, "GC.run");
    jcmd(pid, "GC.run");
    return heapUsedBytes(jcmd(pid, "GC.heap_info"));
  }

  /** Parses the "used" figure of the heap line of {@code jcmd GC.heap_info} output. */
  static long heapUsedBytes(String heapInfo) {
    Matcher m = HEAP_USED.matcher(heapInfo);
    return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
  }

  private static String jcmd(long pid, String command) throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
