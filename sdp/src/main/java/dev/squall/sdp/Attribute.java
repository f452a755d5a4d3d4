package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;
import java.util.Objects;

/**
 * One {@code a=} line (RFC 8866 §5.13): a property attribute ({@code a=<name>}) or a value
 * attribute ({@code a=<name>:<value>}). The value is kept verbatim (leading spaces included), so
 * unknown attributes round-trip exactly; typed views such as {@link Candidate} or {@link
 * Fingerprint} parse it on demand.
 *
 * <pre>
 * attribute-fields = *(%d"a" "=" attribute CRLF)
 * attribute        = (attribute-name ":" attribute-value) / attribute-name
 * attribute-name   = token
 * attribute-value  = byte-string
 * </pre>
 *
 * @param name the attribute name, a token
 * @param value the value after the first colon, or null for a property attribute
 */
public record Attribute(String name, String value) {

  public Attribute {
    Objects.requireNonNull(name, "name");
    if (!Syntax.isToken(name)) {
      throw new IllegalArgumentException("attribute name is not a token: " + name);
    }
    if (value != null
        && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf(0) >= 0)) {
      throw new IllegalArgumentException("attribute value holds CR, LF or NUL");
    }
  }

  /** A property attribute such as {@code a=rtcp-mux}. */
  public static Attribute flag(String name) {
    return new Attribute(name, null);
  }

  /** A value attribute such as {@code a=mid:0}. */
  public static Attribute of(String name, String value) {
    return new Attribute(name, Objects.requireNonNull(value, "value"));
  }

  /**
   * Parses the text of an attribute line, with or without the {@code a=} prefix.
   *
   * @throws SdpParseException if the name is not a token or the text holds CR, LF or NUL
   */
  public static Attribute parse(String text) throws SdpParseException {
    if (text == null) {
      throw new SdpParseException("attribute text");
    }
    String body = text.startsWith("a=") ? text.substring(2) : text;
    int colon = body.indexOf(':');
    String name = colon < 0 ? body : body.substring(0, colon);
    String value = colon < 0 ? null : body.substring(colon + 1);
    if (!Syntax.isToken(name)) {
      throw new SdpParseException("attribute name (a token) before ':'");
    }
    if (value != null
        && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf(0) >= 0)) {
      throw new SdpParseException("attribute value without CR, LF or NUL");
    }
    return new Attribute(name, value);
  }

  /** True for a property attribute (no value). */
  public boolean isFlag() {
    return value == null;
  }

  /** The line without the {@code a=} prefix: {@code name} or {@code name:value}. */
  public String text() {
    return value == null ? name : name + ":" + value;
  }

  /** The SDP line without its CRLF: {@code a=name} or {@code a=name:value}. */
  @Override
  public String toString() {
    return "a=" + text();
  }
}
