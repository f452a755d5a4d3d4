package dev.squall.turn.server.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An address prefix such as {@code 10.0.0.0/8} or {@code fc00::/7}, parsed from a literal without
 * any name lookup. A bare address is a /32 or /128. An IPv4-mapped literal ({@code
 * ::ffff:10.0.0.0/104}) is stored as the IPv4 prefix it denotes.
 */
public final class Cidr {

  private final byte[] prefix;
  private final int bits;
  private final String text;

  private Cidr(byte[] prefix, int bits, String text) {
    this.prefix = prefix;
    this.bits = bits;
    this.text = text;
  }

  /**
   * Parses {@code address[/bits]}.
   *
   * @throws IllegalArgumentException when it is not an IP literal with a valid prefix length
   */
  public static Cidr parse(String cidr) {
    Objects.requireNonNull(cidr, "cidr");
    String s = cidr.trim();
    int slash = s.indexOf('/');
    String literal = slash < 0 ? s : s.substring(0, slash);
    if (literal.isEmpty() || !isLiteral(literal)) {
      throw new IllegalArgumentException("not an IP address literal: " + cidr);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + cidr, e);
    }
    byte[] bytes = address.getAddress();
    int max = bytes.length * 8;
    int bits = max;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(s.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in " + cidr, e);
      }
      if (address instanceof Inet4Address && literal.indexOf(':') >= 0) {
        bits -= 96; // an IPv4-mapped literal that Java turned into IPv4
      }
      if (bits < 0 || bits > max) {
        throw new IllegalArgumentException("prefix length out of range in " + cidr);
      }
    }
    return new Cidr(mask(bytes, bits), bits, s);
  }

  /** True when {@code address} (4 or 16 bytes) lies in this prefix; false for the other family. */
  public boolean contains(byte[] address) {
    if (address.length != prefix.length) {
      return false;
    }
    int full = bits / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != prefix[i]) {
        return false;
      }
    }
    int rest = bits % 8;
    if (rest == 0) {
      return true;
    }
    int m = (0xFF << (8 - rest)) & 0xFF;
    return (address[full] & m) == (prefix[full] & m);
  }

  private static byte[] mask(byte[] bytes, int bits) {
    byte[] out = Arrays.copyOf(bytes, bytes.length);
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, bits - 8 * i));
      out[i] = (byte) (out[i] & ((0xFF << (8 - keep)) & 0xFF));
    }
    return out;
  }

  private static boolean isLiteral(String s) {
    boolean colon = s.indexOf(':') >= 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || c == '.'
              || (colon && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }
}
