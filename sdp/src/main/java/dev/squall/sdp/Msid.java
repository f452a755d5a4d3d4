package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;
import java.util.List;

/**
 * Media stream identification, {@code a=msid} (RFC 8830 §2).
 *
 * <pre>
 * msid-value = msid-id [ SP msid-appdata ]      ; msid-id, msid-appdata = 1*64token-char
 * </pre>
 *
 * @param streamId the MediaStream id ({@code -} for none)
 * @param trackId the track id (appdata), or null
 */
public record Msid(String streamId, String trackId) {

  public Msid {
    if (!Syntax.isToken(streamId) || (trackId != null && !Syntax.isToken(trackId))) {
      throw new IllegalArgumentException("bad msid");
    }
  }

  /** Parses the value of {@code a=msid}. */
  public static Msid parse(String value) throws SdpParseException {
    List<String> f = Syntax.fields(value, "msid:<stream id> [<track id>]");
    if (f.size() > 2 || !Syntax.isToken(f.get(0)) || (f.size() == 2 && !Syntax.isToken(f.get(1)))) {
      throw new SdpParseException("msid:<stream id> [<track id>]");
    }
    return new Msid(f.get(0), f.size() == 2 ? f.get(1) : null);
  }

  /** The attribute value. */
  public String value() {
    return trackId == null ? streamId : streamId + " " + trackId;
  }

  /** The {@code a=msid} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("msid", value());
  }
}
