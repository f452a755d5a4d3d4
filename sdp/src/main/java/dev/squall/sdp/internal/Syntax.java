package dev.squall.sdp.internal;

import dev.squall.sdp.SdpParseException;
import java.util.ArrayList;
import java.util.List;

/** Lexical helpers shared by the SDP parsers: tokens (RFC 8866 §9) and bounded decimal numbers. */
public final class Syntax {
  private Syntax() {}

  /** RFC 8866 token-char: %x21 / %x23-27 / %x2A-2B / %x2D-2E / %x30-39 / %x41-5A / %x5E-7E. */
  public static boolean isTokenChar(char c) {
    return c == 0x21
        || (c >= 0x23 && c <= 0x27)
        || c == 0x2A
        || c == 0x2B
        || c == 0x2D
        || c == 0x2E
        || (c >= 0x30 && c <= 0x39)
        || (c >= 0x41 && c <= 0x5A)
        || (c >= 0x5E && c <= 0x7E);
  }

  /** True when {@code s} is a non-empty token. */
  public static boolean isToken(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** RFC 8866 proto = token *("/" token), e.g. {@code UDP/TLS/RTP/SAVPF}. */
  public static boolean isProtocol(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (String part : s.split("/", -1)) {
      if (!isToken(part)) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code s} is non-empty and made of visible ASCII characters (VCHAR, %x21-7E). */
  public static boolean isVisible(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code s} is null or holds no CR, LF or NUL (RFC 8866 byte-string / text). */
  public static boolean isText(String s) {
    return s == null || (s.indexOf('\r') < 0 && s.indexOf('\n') < 0 && s.indexOf(0) < 0);
  }

  /** {@code s} itself when it is a token, else a parse error naming {@code what}. */
  public static String token(String s, String what) throws SdpParseException {
    if (!isToken(s)) {
      throw new SdpParseException(what + " (a token)");
    }
    return s;
  }

  /** Decimal digits only, value in [min, max]; no sign, no spaces. */
  public static long number(String s, long min, long max, String what) throws SdpParseException {
    if (s == null || s.isEmpty() || s.length() > 19) {
      throw new SdpParseException(what + " (" + min + "-" + max + ")");
    }
    long value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        throw new SdpParseException(what + " (" + min + "-" + max + ")");
      }
      int digit = c - '0';
      if (value > (Long.MAX_VALUE - digit) / 10) {
        throw new SdpParseException(what + " (" + min + "-" + max + ")");
      }
      value = value * 10 + digit;
    }
    if (value < min || value > max) {
      throw new SdpParseException(what + " (" + min + "-" + max + ")");
    }
    return value;
  }

  /** {@link #number} narrowed to int. */
  public static int integer(String s, int min, int max, String what) throws SdpParseException {
    return (int) number(s, min, max, what);
  }

  /**
   * Splits on single spaces. Empty fields (leading, trailing or doubled spaces) are errors, since
   * RFC 8866 separates fields with exactly one SP.
   */
  public static List<String> fields(String s, String what) throws SdpParseException {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == ' ') {
        if (i == start) {
          throw new SdpParseException(what + " (fields separated by single spaces)");
        }
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    return out;
  }

  /** The part of {@code value} before the first space, and the rest (null when no space). */
  public static String[] head(String value) {
    int sp = value.indexOf(' ');
    return sp < 0
        ? new String[] {value, null}
        : new String[] {value.substring(0, sp), value.substring(sp + 1)};
  }
}
