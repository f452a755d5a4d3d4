package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;
import java.util.List;

/**
 * The {@code o=} line (RFC 8866 §5.2).
 *
 * <pre>
 * origin-field = %d"o" "=" username SP sess-id SP sess-version SP nettype SP addrtype SP
 *                unicast-address CRLF
 * </pre>
 *
 * Session id and version are kept as their decimal text ({@code 1*DIGIT}; they may exceed a long).
 */
public record Origin(
    String username,
    String sessionId,
    String sessionVersion,
    String netType,
    String addressType,
    String address) {

  public Origin {
    for (String f : List.of(username, netType, addressType, address)) {
      if (!Syntax.isVisible(f)) {
        throw new IllegalArgumentException("origin field is not visible ASCII: " + f);
      }
    }
    if (!isDigits(sessionId) || !isDigits(sessionVersion)) {
      throw new IllegalArgumentException("session id and version must be decimal digits");
    }
  }

  /** The JSEP form {@code - <id> <version> IN IP4 127.0.0.1} (RFC 8829 §5.2.1). */
  public static Origin jsep(String sessionId, long sessionVersion) {
    return new Origin("-", sessionId, Long.toString(sessionVersion), "IN", "IP4", "127.0.0.1");
  }

  /** Parses the value of an {@code o=} line. */
  public static Origin parse(String value) throws SdpParseException {
    List<String> f =
        Syntax.fields(value, "o=<username> <sess-id> <sess-version> IN <addrtype> <address>");
    if (f.size() != 6
        || !isDigits(f.get(1))
        || !isDigits(f.get(2))
        || !Syntax.isVisible(f.get(0))
        || !Syntax.isVisible(f.get(3))
        || !Syntax.isVisible(f.get(4))
        || !Syntax.isVisible(f.get(5))) {
      throw new SdpParseException(
          "o=<username> <sess-id digits> <sess-version digits> <nettype> <addrtype> <address>");
    }
    return new Origin(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5));
  }

  private static boolean isDigits(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The value of the line, without {@code o=}. */
  @Override
  public String toString() {
    return String.join(" ", username, sessionId, sessionVersion, netType, addressType, address);
  }
}
