package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;
import java.util.Optional;

/**
 * An RTP header extension mapping, {@code a=extmap} (RFC 8285 §8).
 *
 * <pre>
 * extmap           = mapentry SP extensionname [SP extensionattributes]
 * mapentry         = "extmap:" 1*5DIGIT ["/" direction]
 * direction        = "sendonly" / "recvonly" / "sendrecv" / "inactive"
 * extensionname    = URI
 * </pre>
 *
 * @param direction the direction after the id, or null
 * @param attributes extension attributes after the URI, or null
 */
public record ExtMap(int id, Direction direction, String uri, String attributes) {

  public ExtMap {
    if (id < 1
        || id > 4351
        || !Syntax.isVisible(uri)
        || (attributes != null && attributes.isEmpty())) {
      throw new IllegalArgumentException("bad extmap");
    }
  }

  /** Parses the value of {@code a=extmap}. */
  public static ExtMap parse(String value) throws SdpParseException {
    String[] iv = Syntax.head(value);
    if (iv[1] == null) {
      throw new SdpParseException("extmap:<id>[/<direction>] <uri> [<attributes>]");
    }
    String idText = iv[0];
    Direction direction = null;
    int slash = idText.indexOf('/');
    if (slash >= 0) {
      Optional<Direction> d = Direction.of(idText.substring(slash + 1));
      if (d.isEmpty()) {
        throw new SdpParseException("extmap direction sendrecv, sendonly, recvonly or inactive");
      }
      direction = d.get();
      idText = idText.substring(0, slash);
    }
    int id = Syntax.integer(idText, 1, 4351, "extmap id");
    String[] ua = Syntax.head(iv[1]);
    if (!Syntax.isVisible(ua[0]) || (ua[1] != null && ua[1].isEmpty())) {
      throw new SdpParseException("extmap:<id>[/<direction>] <uri> [<attributes>]");
    }
    return new ExtMap(id, direction, ua[0], ua[1]);
  }

  /** The attribute value. */
  public String value() {
    return id
        + (direction == null ? "" : "/" + direction.token())
        + " "
        + uri
        + (attributes == null ? "" : " " + attributes);
  }

  /** The {@code a=extmap} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("extmap", value());
  }
}
