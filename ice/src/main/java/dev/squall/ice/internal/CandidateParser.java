package dev.squall.ice.internal;

import dev.squall.ice.CandidateParseException;
import dev.squall.ice.CandidateType;
import dev.squall.ice.IceCandidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parser behind {@link IceCandidate#parse}: RFC 8839 §5.1 grammar, lenient where browsers
 * differ (case of the transport, prefixes, runs of spaces) and strict on values (ranges, ice-chars,
 * address syntax). Throws only {@link CandidateParseException}.
 */
public final class CandidateParser {

  /** Longest line accepted; real candidates are under 300 characters. */
  public static final int MAX_LENGTH = 1024;

  private static final int MAX_EXTENSIONS = 32;

  private CandidateParser() {}

  public static IceCandidate parse(String line) throws CandidateParseException {
    if (line == null) {
      throw new CandidateParseException("no candidate");
    }
    if (line.length() > MAX_LENGTH) {
      throw new CandidateParseException("candidate longer than " + MAX_LENGTH + " characters");
    }
    String s = line.strip();
    if (s.startsWith("a=")) {
      s = s.substring(2);
    }
    if (s.regionMatches(true, 0, "candidate:", 0, 10)) {
      s = s.substring(10);
    }
    String[] f = s.strip().split(" +");
    if (f.length < 8) {
      throw new CandidateParseException("too few fields: " + f.length);
    }
    String foundation = foundation(f[0]);
    int component = (int) number(f[1], 256, "component");
    if (component < 1) {
      throw new CandidateParseException("component 0");
    }
    String transport = token(f[2], "transport").toLowerCase(Locale.ROOT);
    long priority = number(f[3], 0xFFFF_FFFFL, "priority");
    String address = address(f[4]);
    int port = (int) number(f[5], 65535, "port");
    if (!f[6].equalsIgnoreCase("typ")) {
      throw new CandidateParseException("expected 'typ', found '" + f[6] + "'");
    }
    CandidateType type = CandidateType.ofToken(f[7]);
    if (type == null) {
      throw new CandidateParseException("unknown candidate type '" + f[7] + "'");
    }
    String raddr = null;
    int rport = -1;
    String tcpType = null;
    List<IceCandidate.Extension> extensions = new ArrayList<>();
    int i = 8;
    if ((f.length - i) % 2 != 0) {
      throw new CandidateParseException("extension name without value: " + f[f.length - 1]);
    }
    for (; i < f.length; i += 2) {
      String name = f[i];
      String value = f[i + 1];
      switch (name) {
        case "raddr" -> raddr = address(value);
        case "rport" -> rport = (int) number(value, 65535, "rport");
        case "tcptype" -> tcpType = token(value, "tcptype");
        default -> {
          if (extensions.size() == MAX_EXTENSIONS) {
            throw new CandidateParseException("more than " + MAX_EXTENSIONS + " extensions");
          }
          extensions.add(new IceCandidate.Extension(token(name, "name"), token(value, "value")));
        }
      }
    }
    return new IceCandidate(
        foundation,
        component,
        transport,
        priority,
        address,
        port,
        type,
        raddr,
        rport,
        tcpType,
        extensions);
  }

  private static String foundation(String v) throws CandidateParseException {
    if (v.isEmpty() || v.length() > 32) {
      throw new CandidateParseException("foundation must be 1-32 characters");
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ice =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/';
      if (!ice) {
        throw new CandidateParseException("foundation has a non-ice-char: " + v);
      }
    }
    return v;
  }

  private static long number(String v, long max, String what) throws CandidateParseException {
    if (v.isEmpty() || v.length() > 10) {
      throw new CandidateParseException(what + " is not a number: " + v);
    }
    long n = 0;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        throw new CandidateParseException(what + " is not a number: " + v);
      }
      n = n * 10 + (c - '0');
    }
    if (n > max) {
      throw new CandidateParseException(what + " out of range: " + v);
    }
    return n;
  }

  /** Visible ASCII without spaces, as byte-string allows in practice. */
  private static String token(String v, String what) throws CandidateParseException {
    if (v.isEmpty()) {
      throw new CandidateParseException("empty " + what);
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new CandidateParseException(what + " has an invalid character");
      }
    }
    return v;
  }

  /** An IP literal or a host name (letters, digits, '-', '.', such as {@code <uuid>.local}). */
  private static String address(String v) throws CandidateParseException {
    if (IpLiterals.isLiteral(v)) {
      return v;
    }
    if (v.length() > 253 || v.startsWith(".") || v.startsWith("-") || v.contains("..")) {
      throw new CandidateParseException("bad address: " + v);
    }
    boolean letter = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.';
      if (!ok) {
        throw new CandidateParseException("bad address: " + v);
      }
      letter |= Character.isLetter(c);
    }
    if (!letter) {
      throw new CandidateParseException("bad address: " + v);
    }
    return v;
  }
}
