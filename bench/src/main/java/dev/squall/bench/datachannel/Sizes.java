package dev.squall.bench.datachannel;

import java.util.Locale;

/**
 * Parses byte counts given on the command line: a plain number of bytes, or a number with a binary
 * suffix ({@code KiB}, {@code MiB}, {@code GiB}; also {@code K}, {@code M}, {@code G}, case
 * insensitive, all powers of 1024), e.g. {@code 1GiB}, {@code 64MiB}, {@code 65536}.
 */
final class Sizes {
  private Sizes() {}

  /**
   * @throws IllegalArgumentException when {@code text} is not a non-negative size or overflows
   */
  static long parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    long unit = 1;
    String[][] suffixes = {{"kib", "k"}, {"mib", "m"}, {"gib", "g"}};
    outer:
    for (int i = 0; i < suffixes.length; i++) {
      for (String suffix : suffixes[i]) {
        if (s.endsWith(suffix)) {
          unit = 1L << (10 * (i + 1));
          s = s.substring(0, s.length() - suffix.length()).strip();
          break outer;
        }
      }
    }
    if (s.endsWith("b")) {
      s = s.substring(0, s.length() - 1).strip();
    }
    long value;
    try {
      value = Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a size: '" + text + "'");
    }
    if (value < 0) {
      throw new IllegalArgumentException("negative size: '" + text + "'");
    }
    return Math.multiplyExact(value, unit);
  }

  /** The number of {@code messageSize} messages that carry at least {@code bytes}. */
  static long messagesFor(long bytes, int messageSize) {
    if (messageSize < 1) {
      throw new IllegalArgumentException("message size must be >= 1");
    }
    return (bytes + messageSize - 1) / messageSize;
  }
}
