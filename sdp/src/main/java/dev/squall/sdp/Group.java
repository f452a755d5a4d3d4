package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;
import java.util.List;

/**
 * A media grouping, {@code a=group} (RFC 5888 §5; BUNDLE: RFC 9143).
 *
 * <pre>
 * group-attribute   = "a=group:" semantics *(SP identification-tag)
 * semantics         = "LS" / "FID" / semantics-extension      ; "BUNDLE"
 * identification-tag = token
 * </pre>
 */
public record Group(String semantics, List<String> mids) {

  public Group {
    if (!Syntax.isToken(semantics)) {
      throw new IllegalArgumentException("bad group semantics " + semantics);
    }
    mids = List.copyOf(mids);
    for (String m : mids) {
      if (!Syntax.isToken(m)) {
        throw new IllegalArgumentException("bad mid " + m);
      }
    }
  }

  /** {@code BUNDLE} with the given mids. */
  public static Group bundle(List<String> mids) {
    return new Group("BUNDLE", mids);
  }

  /** Parses the value of {@code a=group}. */
  public static Group parse(String value) throws SdpParseException {
    List<String> f = Syntax.fields(value, "group:<semantics> *(SP <mid>)");
    for (String t : f) {
      Syntax.token(t, "group semantics and mids");
    }
    return new Group(f.get(0), f.subList(1, f.size()));
  }

  /** True for a BUNDLE group. */
  public boolean isBundle() {
    return semantics.equals("BUNDLE");
  }

  /** The attribute value. */
  public String value() {
    return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
  }

  /** The {@code a=group} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("group", value());
  }
}
