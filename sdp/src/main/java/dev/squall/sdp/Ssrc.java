package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;

/**
 * A source-level attribute, {@code a=ssrc} (RFC 5576 §4.1), for example {@code a=ssrc:29273194
 * cname:LcT94EYmv+lQg3G2}.
 *
 * <pre>
 * ssrc-attr = "ssrc:" ssrc-id SP attribute      ; attribute = att-field [":" att-value]
 * ssrc-id   = integer                           ; 0 .. 2**32 - 1
 * </pre>
 *
 * @param value the source attribute's value (may hold spaces, as {@code msid:<stream> <track>}), or
 *     null
 */
public record Ssrc(long ssrc, String attribute, String value) {

  public Ssrc {
    if (ssrc < 0
        || ssrc > 0xFFFFFFFFL
        || !Syntax.isToken(attribute)
        || attribute.indexOf(':') >= 0) {
      throw new IllegalArgumentException("bad ssrc attribute");
    }
  }

  /** Parses the value of {@code a=ssrc}. */
  public static Ssrc parse(String value) throws SdpParseException {
    String[] sv = Syntax.head(value);
    long ssrc = Syntax.number(sv[0], 0, 0xFFFFFFFFL, "ssrc id");
    if (sv[1] == null) {
      throw new SdpParseException("ssrc:<ssrc-id> <attribute>[:<value>]");
    }
    int colon = sv[1].indexOf(':');
    String name = colon < 0 ? sv[1] : sv[1].substring(0, colon);
    if (!Syntax.isToken(name)) {
      throw new SdpParseException("ssrc:<ssrc-id> <attribute>[:<value>]");
    }
    return new Ssrc(ssrc, name, colon < 0 ? null : sv[1].substring(colon + 1));
  }

  /** The attribute value. */
  public String value() {
    return ssrc + " " + attribute + (value == null ? "" : ":" + value);
  }

  /** The {@code a=ssrc} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("ssrc", value());
  }
}
