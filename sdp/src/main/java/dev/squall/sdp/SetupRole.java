package dev.squall.sdp;

import java.util.Locale;

/**
 * The DTLS role, {@code a=setup} (RFC 4145 §4, RFC 8842 §5). The offerer writes {@link #ACTPASS};
 * the answerer picks {@link #ACTIVE} (it starts the DTLS handshake) or {@link #PASSIVE}.
 *
 * <pre>
 * setup-attr = "a=setup:" role
 * role       = "active" / "passive" / "actpass" / "holdconn"
 * </pre>
 */
public enum SetupRole {
  ACTIVE,
  PASSIVE,
  ACTPASS,
  HOLDCONN;

  /** Parses the value of {@code a=setup}. */
  public static SetupRole parse(String value) throws SdpParseException {
    return switch (value) {
      case "active" -> ACTIVE;
      case "passive" -> PASSIVE;
      case "actpass" -> ACTPASS;
      case "holdconn" -> HOLDCONN;
      default -> throw new SdpParseException("setup:active, passive, actpass or holdconn");
    };
  }

  /** The SDP token. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The {@code a=setup} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("setup", token());
  }
}
