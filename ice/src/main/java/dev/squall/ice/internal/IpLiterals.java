package dev.squall.ice.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals without ever touching DNS: dotted-quad IPv4 and IPv6 (hex digits,
 * colons and an optional embedded IPv4 tail, no zone). Anything else is "not a literal".
 */
public final class IpLiterals {

  private IpLiterals() {}

  /** The address for an IPv4 or IPv6 literal, or null when {@code text} is not one. */
  public static InetAddress parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return null;
    }
    if (text.indexOf(':') >= 0) {
      return parseV6(text);
    }
    return parseV4(text);
  }

  /** True for an IPv4 or IPv6 literal. */
  public static boolean isLiteral(String text) {
    return parse(text) != null;
  }

  private static InetAddress parseV4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3) {
        return null;
      }
      int v = 0;
      for (int k = 0; k < p.length(); k++) {
        char c = p.charAt(k);
        if (c < '0' || c > '9') {
          return null;
        }
        v = v * 10 + (c - '0');
      }
      if (v > 255) {
        return null;
      }
      bytes[i] = (byte) v;
    }
    return byAddress(bytes);
  }

  private static InetAddress parseV6(String text) {
    char first = text.charAt(0);
    if (first != ':' && Character.digit(first, 16) < 0) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':';
      if (!ok && c != '.') {
        return null;
      }
    }
    try {
      // starting with a hex digit or ':' and holding a colon, the JDK parses it as an IPv6
      // literal and throws when it is not one: there is never a name lookup
      return InetAddress.getByName(text);
    } catch (UnknownHostException | RuntimeException e) {
      return null;
    }
  }

  private static InetAddress byAddress(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
