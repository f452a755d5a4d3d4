package dev.squall.bench.datachannel;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command-line options of the DataChannel harnesses: {@code --name value} pairs and bare {@code
 * --switch}es (an option followed by another option or by nothing is a switch). Unknown names are
 * rejected against the list the harness declares.
 */
final class Flags {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> switches = new HashSet<>();

  /**
   * @param known every accepted option name, without the leading dashes
   * @throws IllegalArgumentException on a positional argument or an unknown option
   */
  Flags(String[] args, List<String> known) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + a + "'");
      }
      String name = a.substring(2);
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
      }
      if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        values.put(name, args[++i]);
      } else {
        switches.add(name);
      }
    }
  }

  boolean has(String name) {
    return switches.contains(name) || values.containsKey(name);
  }

  String text(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  long size(String name, long fallback) {
    String v = values.get(name);
    return v == null ? fallback : Sizes.parse(v);
  }

  int integer(String name, int fallback) {
    String v = values.get(name);
    return v == null ? fallback : Integer.parseInt(v.strip());
  }

  double decimal(String name, double fallback) {
    String v = values.get(name);
    return v == null ? fallback : Double.parseDouble(v.strip());
  }
}
