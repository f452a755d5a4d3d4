package dev.squall.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Describes the machine a benchmark ran on (cores, kernel, JVM, load), so results printed on a
 * shared or busy machine say so.
 */
public final class Machine {
  private Machine() {}

  /** The 1-minute load average, or NaN when unknown. */
  public static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** One line: cores, OS, JVM and current load. */
  public static String describe() {
    return String.format(
        "%d cores, %s %s, Java %s, load average %.2f",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"),
        loadAverage());
  }

  /** Adds the load average to {@code table} with a warning when other work competed for CPU. */
  public static void addLoad(ResultTable table, double before, double after) {
    int cores = Runtime.getRuntime().availableProcessors();
    double worst = Math.max(before, after);
    table.add(
        "load average (start/end)",
        ResultTable.format(before) + "/" + ResultTable.format(after),
        "",
        worst > cores * 1.5
            ? "WARNING: machine busy with other work; compare ratios and CPU/op, not absolutes"
            : "");
  }
}
