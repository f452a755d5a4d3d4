package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RTP stream identifier with its restrictions, {@code a=rid} (RFC 8851 §10).
 *
 * <pre>
 * rid-syntax        = %s"a=rid:" rid-id SP rid-dir [ rid-pt-param-list / rid-param-list ]
 * rid-id            = 1*(alpha-numeric / "-" / "_")
 * rid-dir           = %s"send" / %s"recv"
 * rid-pt-param-list = SP rid-fmt-list *(";" rid-param)
 * rid-param-list    = SP rid-param *(";" rid-param)
 * rid-fmt-list      = %s"pt=" fmt *( "," fmt )
 * </pre>
 *
 * @param send true for {@code send}, false for {@code recv}
 * @param parameters the parameter list verbatim, or null
 */
public record Rid(String id, boolean send, String parameters) {

  public Rid {
    if (!isRidId(id) || (parameters != null && !Syntax.isVisible(parameters))) {
      throw new IllegalArgumentException("bad rid");
    }
  }

  /** Parses the value of {@code a=rid}. */
  public static Rid parse(String value) throws SdpParseException {
    List<String> f = Syntax.fields(value, "rid:<id> send|recv [<params>]");
    if (f.size() < 2 || f.size() > 3 || !isRidId(f.get(0))) {
      throw new SdpParseException("rid:<id> send|recv [<params>]");
    }
    boolean send;
    if (f.get(1).equals("send")) {
      send = true;
    } else if (f.get(1).equals("recv")) {
      send = false;
    } else {
      throw new SdpParseException("rid direction send or recv");
    }
    return new Rid(f.get(0), send, f.size() == 3 ? f.get(2) : null);
  }

  /** True for a valid rid-id. */
  public static boolean isRidId(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The payload types of a {@code pt=} list, or empty. */
  public List<String> payloadTypes() {
    String pt = restrictions().get("pt");
    if (pt == null || pt.isEmpty()) {
      return List.of();
    }
    return List.of(pt.split(","));
  }

  /** The {@code key=value} restrictions in order (including {@code pt}). */
  public Map<String, String> restrictions() {
    if (parameters == null) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : parameters.split(";")) {
      int eq = p.indexOf('=');
      out.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The attribute value. */
  public String value() {
    List<String> parts = new ArrayList<>(List.of(id, send ? "send" : "recv"));
    if (parameters != null) {
      parts.add(parameters);
    }
    return String.join(" ", parts);
  }

  /** The {@code a=rid} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("rid", value());
  }
}
