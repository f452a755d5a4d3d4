package dev.squall.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Parses a rate into bytes per second: a plain number of bytes per second, or a number with a unit
 * in bits ({@code kbit}, {@code mbit}, {@code gbit}) or bytes ({@code kb}, {@code mb}), decimal (1
 * kbit = 1,000 bits), case-insensitive: {@code 10mbit} = 1,250,000.
 */
final class BandwidthConverter implements CommandLine.ITypeConverter<Long> {

  private static final Pattern RATE = Pattern.compile("(\\d{1,12})(kbit|mbit|gbit|kb|mb|b)?(/s)?");

  @Override
  public Long convert(String value) {
    Matcher m = RATE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not a rate (examples: 0, 125000, 10mbit, 500kbit, 2mb)");
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2);
    return switch (unit) {
      case "kbit" -> n * 1000 / 8;
      case "mbit" -> n * 1_000_000 / 8;
      case "gbit" -> n * 1_000_000_000 / 8;
      case "kb" -> n * 1000;
      case "mb" -> n * 1_000_000;
      default -> n;
    };
  }
}
