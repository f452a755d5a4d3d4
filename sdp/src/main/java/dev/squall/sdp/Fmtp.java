package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Format parameters, {@code a=fmtp} (RFC 8866 §6.15).
 *
 * <pre>
 * fmtp-value = fmt SP format-specific-params
 * </pre>
 *
 * The parameters are kept verbatim; {@link #parameterMap()} reads the common {@code k=v;k=v} form.
 */
public record Fmtp(String format, String parameters) {

  public Fmtp {
    if (!Syntax.isToken(format) || parameters == null || parameters.isEmpty()) {
      throw new IllegalArgumentException("bad fmtp");
    }
  }

  /** Parses the value of {@code a=fmtp}. */
  public static Fmtp parse(String value) throws SdpParseException {
    String[] hv = Syntax.head(value);
    if (!Syntax.isToken(hv[0]) || hv[1] == null || hv[1].isEmpty()) {
      throw new SdpParseException("fmtp:<format> <parameters>");
    }
    return new Fmtp(hv[0], hv[1]);
  }

  /** The payload type when the format is numeric (RTP), else -1. */
  public int payloadType() {
    try {
      return Syntax.integer(format, 0, 127, "payload type");
    } catch (SdpParseException e) {
      return -1;
    }
  }

  /** {@code k=v} pairs separated by {@code ;}, in order; a bare key maps to "". */
  public Map<String, String> parameterMap() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : parameters.split(";")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      out.put(eq < 0 ? p : p.substring(0, eq).strip(), eq < 0 ? "" : p.substring(eq + 1).strip());
    }
    return Collections.unmodifiableMap(out);
  }

  /** The attribute value. */
  public String value() {
    return format + " " + parameters;
  }

  /** The {@code a=fmtp} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("fmtp", value());
  }
}
