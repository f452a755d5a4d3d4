package dev.squall.dtls;

import java.util.Locale;

/**
 * Which side of the DTLS handshake this endpoint plays. In WebRTC the SDP {@code a=setup} attribute
 * (RFC 8842 / RFC 4145) decides it: {@code active} opens the connection and is the DTLS client;
 * {@code passive} waits for it and is the DTLS server.
 */
public enum DtlsRole {
  /** Sends the ClientHello ({@code a=setup:active}). */
  CLIENT,
  /** Answers the ClientHello ({@code a=setup:passive}). */
  SERVER;

  /**
   * The role for this endpoint's own final {@code a=setup} value.
   *
   * @throws IllegalArgumentException for {@code actpass} and {@code holdconn}, which do not fix a
   *     role (the answer does), and for unknown values
   */
  public static DtlsRole fromLocalSetup(String setup) {
    return switch (setup.trim().toLowerCase(Locale.ROOT)) {
      case "active" -> CLIENT;
      case "passive" -> SERVER;
      default ->
          throw new IllegalArgumentException(
              "a=setup:" + setup + " does not fix a DTLS role; expected active or passive");
    };
  }

  /** The role for this endpoint given the remote side's final {@code a=setup} value. */
  public static DtlsRole fromRemoteSetup(String setup) {
    return fromLocalSetup(setup).opposite();
  }

  /** The other role. */
  public DtlsRole opposite() {
    return this == CLIENT ? SERVER : CLIENT;
  }

  /** The {@code a=setup} value that announces this role. */
  public String setupValue() {
    return this == CLIENT ? "active" : "passive";
  }
}
