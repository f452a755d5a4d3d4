package dev.squall.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects result rows (benchmark, metric, value, unit, note), prints them as an aligned table and
 * appends them as tab-separated lines to a results file that {@code bench/run.sh} summarises.
 */
public final class ResultTable {
  private final String benchmark;
  private final List<String[]> rows = new ArrayList<>();

  public ResultTable(String benchmark) {
    this.benchmark = benchmark;
  }

  /** Adds a row; {@code value} is printed as given. */
  public ResultTable add(String metric, String value, String unit, String note) {
    rows.add(new String[] {benchmark, metric, value, unit, note});
    return this;
  }

  public ResultTable add(String metric, double value, String unit, String note) {
    return add(metric, format(value), unit, note);
  }

  /** Formats a number with 3 significant digits (no exponent). */
  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format("%,.0f", value);
    }
    if (abs >= 10) {
      return String.format("%.1f", value);
    }
    if (abs >= 1) {
      return String.format("%.2f", value);
    }
    return String.format("%.3f", value);
  }

  /** Prints the table to {@code out} and appends it to {@code file} when not null. */
  public void print(PrintStream out, Path file) throws IOException {
    int[] width = new int[5];
    String[] header = {"benchmark", "metric", "value", "unit", "note"};
    for (int i = 0; i < 5; i++) {
      width[i] = header[i].length();
      for (String[] row : rows) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    out.println(line(header, width));
    for (String[] row : rows) {
      out.println(line(row, width));
    }
    if (file != null) {
      StringBuilder tsv = new StringBuilder();
      for (String[] row : rows) {
        tsv.append(String.join("\t", row)).append('\n');
      }
      Files.writeString(
          file, tsv, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  private static String line(String[] cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String cell = cells[i];
      if (i == 2) {
        sb.append(" ".repeat(width[i] - cell.length())).append(cell);
      } else {
        sb.append(cell).append(" ".repeat(width[i] - cell.length()));
      }
      sb.append(i + 1 < cells.length ? "  " : "");
    }
    return sb.toString().stripTrailing();
  }
}
