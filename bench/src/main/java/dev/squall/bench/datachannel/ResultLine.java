package dev.squall.bench.datachannel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one line each DataChannel benchmark child (JVM, Node.js script) prints when it is done:
 * {@code RESULT key=value key=value ...}, values without spaces. {@link #find} takes the last such
 * line of a process's output, so log lines before it do not matter.
 */
record ResultLine(Map<String, String> values) {

  static final String PREFIX = "RESULT";

  /** Formats {@code key, value, key, value, ...} as a result line. */
  static String format(Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs");
    }
    StringBuilder sb = new StringBuilder(PREFIX);
    for (int i = 0; i < keyValues.length; i += 2) {
      sb.append(' ').append(keyValues[i]).append('=').append(keyValues[i + 1]);
    }
    return sb.toString();
  }

  /** The last result line in {@code output}, parsed. */
  static Optional<ResultLine> find(String output) {
    String[] lines = output.split("\\R");
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i].strip();
      if (line.startsWith(PREFIX + " ") || line.equals(PREFIX)) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : line.substring(PREFIX.length()).strip().split("\\s+")) {
          int eq = field.indexOf('=');
          if (eq > 0) {
            values.put(field.substring(0, eq), field.substring(eq + 1));
          }
        }
        return Optional.of(new ResultLine(Map.copyOf(values)));
      }
    }
    return Optional.empty();
  }

  /** A numeric value, or -1 when absent or not a number. */
  long number(String key) {
    try {
      return Long.parseLong(values.getOrDefault(key, "-1"));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  String text(String key) {
    return values.getOrDefault(key, "");
  }
}
