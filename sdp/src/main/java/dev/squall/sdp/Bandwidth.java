package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;

/**
 * A {@code b=} line (RFC 8866 §5.8), for example {@code b=AS:2000} or {@code b=TIAS:64000}.
 *
 * <pre>
 * bandwidth-fields = *(%d"b" "=" bwtype ":" bandwidth CRLF)
 * bwtype           = token
 * bandwidth        = 1*DIGIT
 * </pre>
 */
public record Bandwidth(String type, long value) {

  public Bandwidth {
    if (!Syntax.isToken(type) || type.indexOf(':') >= 0 || value < 0) {
      throw new IllegalArgumentException("bad bandwidth " + type + ":" + value);
    }
  }

  /** Parses the value of a {@code b=} line. */
  public static Bandwidth parse(String value) throws SdpParseException {
    int colon = value.indexOf(':');
    if (colon <= 0 || !Syntax.isToken(value.substring(0, colon))) {
      throw new SdpParseException("b=<bwtype>:<bandwidth>");
    }
    long bw = Syntax.number(value.substring(colon + 1), 0, Long.MAX_VALUE, "b= bandwidth value");
    return new Bandwidth(value.substring(0, colon), bw);
  }

  /** The value of the line, without {@code b=}. */
  @Override
  public String toString() {
    return type + ":" + value;
  }
}
