package dev.squall.server;

/** Reads single samples out of Prometheus text. */
final class MetricsText {

  private MetricsText() {}

  /** The value of the sample line starting with {@code series + " "}, or 0 when absent. */
  static double value(String text, String series) {
    return text.lines()
        .filter(l -> l.startsWith(series + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
        .findFirst()
        .orElse(0.0);
  }
}
