package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;

/**
 * An RTP payload mapping, {@code a=rtpmap} (RFC 8866 §6.6).
 *
 * <pre>
 * rtpmap-value = payload-type SP encoding-name "/" clock-rate [ "/" encoding-params ]
 * </pre>
 *
 * @param encodingParameters for audio the channel count ({@code opus/48000/2}), or null
 */
public record RtpMap(
    int payloadType, String encodingName, long clockRate, String encodingParameters) {

  public RtpMap {
    if (payloadType < 0
        || payloadType > 127
        || !Syntax.isToken(encodingName)
        || encodingName.indexOf('/') >= 0
        || clockRate < 0
        || (encodingParameters != null && !Syntax.isToken(encodingParameters))) {
      throw new IllegalArgumentException("bad rtpmap");
    }
  }

  /** Parses the value of {@code a=rtpmap}. */
  public static RtpMap parse(String value) throws SdpParseException {
    String[] hv = Syntax.head(value);
    if (hv[1] == null) {
      throw new SdpParseException("rtpmap:<payload type> <encoding>/<clock rate>[/<params>]");
    }
    int pt = Syntax.integer(hv[0], 0, 127, "rtpmap payload type");
    String[] parts = hv[1].split("/", -1);
    if (parts.length < 2
        || parts.length > 3
        || !Syntax.isToken(parts[0])
        || (parts.length == 3 && !Syntax.isToken(parts[2]))) {
      throw new SdpParseException("rtpmap:<payload type> <encoding>/<clock rate>[/<params>]");
    }
    long rate = Syntax.number(parts[1], 0, 0xFFFFFFFFL, "rtpmap clock rate");
    return new RtpMap(pt, parts[0], rate, parts.length == 3 ? parts[2] : null);
  }

  /** The attribute value. */
  public String value() {
    return payloadType
        + " "
        + encodingName
        + "/"
        + clockRate
        + (encodingParameters == null ? "" : "/" + encodingParameters);
  }

  /** The {@code a=rtpmap} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("rtpmap", value());
  }
}
