package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of sources, {@code a=ssrc-group} (RFC 5576 §4.2), for example {@code FID <media> <rtx>}
 * (RFC 4588) or {@code SIM a b c}.
 *
 * <pre>
 * ssrc-group-attr = "ssrc-group:" semantics *(SP ssrc-id)
 * </pre>
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) {

  public SsrcGroup {
    ssrcs = List.copyOf(ssrcs);
    if (!Syntax.isToken(semantics)) {
      throw new IllegalArgumentException("bad ssrc-group semantics");
    }
    for (long s : ssrcs) {
      if (s < 0 || s > 0xFFFFFFFFL) {
        throw new IllegalArgumentException("bad ssrc " + s);
      }
    }
  }

  /** Parses the value of {@code a=ssrc-group}. */
  public static SsrcGroup parse(String value) throws SdpParseException {
    List<String> f = Syntax.fields(value, "ssrc-group:<semantics> *(SP <ssrc-id>)");
    String semantics = Syntax.token(f.get(0), "ssrc-group semantics");
    List<Long> ssrcs = new ArrayList<>();
    for (String s : f.subList(1, f.size())) {
      ssrcs.add(Syntax.number(s, 0, 0xFFFFFFFFL, "ssrc id"));
    }
    return new SsrcGroup(semantics, ssrcs);
  }

  /** The attribute value. */
  public String value() {
    StringBuilder sb = new StringBuilder(semantics);
    for (long s : ssrcs) {
      sb.append(' ').append(s);
    }
    return sb.toString();
  }

  /** The {@code a=ssrc-group} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("ssrc-group", value());
  }
}
