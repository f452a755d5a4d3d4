package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;

/**
 * RTCP feedback capability, {@code a=rtcp-fb} (RFC 4585 §4.2).
 *
 * <pre>
 * rtcp-fb-syntax = "a=rtcp-fb:" rtcp-fb-pt SP rtcp-fb-val
 * rtcp-fb-pt     = "*" / fmt
 * rtcp-fb-val    = "ack" rtcp-fb-ack-param / "nack" rtcp-fb-nack-param / "trr-int" SP 1*DIGIT
 *                / rtcp-fb-id rtcp-fb-param      ; e.g. "nack pli", "ccm fir", "transport-cc"
 * </pre>
 *
 * @param payloadType a payload type or {@code *}
 * @param parameter the rest after the type ({@code pli} in {@code nack pli}), or null
 */
public record RtcpFeedback(String payloadType, String type, String parameter) {

  public RtcpFeedback {
    if (!Syntax.isToken(payloadType)
        || !Syntax.isToken(type)
        || (parameter != null && parameter.isEmpty())) {
      throw new IllegalArgumentException("bad rtcp-fb");
    }
  }

  /** Parses the value of {@code a=rtcp-fb}. */
  public static RtcpFeedback parse(String value) throws SdpParseException {
    String[] pv = Syntax.head(value);
    if (pv[1] == null || !Syntax.isToken(pv[0])) {
      throw new SdpParseException("rtcp-fb:<payload type or *> <type> [<parameter>]");
    }
    if (!pv[0].equals("*")) {
      Syntax.integer(pv[0], 0, 127, "rtcp-fb payload type or *");
    }
    String[] tv = Syntax.head(pv[1]);
    if (!Syntax.isToken(tv[0]) || (tv[1] != null && tv[1].isEmpty())) {
      throw new SdpParseException("rtcp-fb:<payload type or *> <type> [<parameter>]");
    }
    return new RtcpFeedback(pv[0], tv[0], tv[1]);
  }

  /** The attribute value. */
  public String value() {
    return payloadType + " " + type + (parameter == null ? "" : " " + parameter);
  }

  /** The {@code a=rtcp-fb} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("rtcp-fb", value());
  }
}
