package dev.squall.dtls;

/**
 * The one exception type of the DTLS module: handshake failures (timeouts, alerts, fingerprint
 * mismatches), record-layer errors and misuse of a {@link DtlsTransport} in the wrong state. The
 * message says what went wrong in words an operator can act on; the cause, when present, is the
 * BouncyCastle exception underneath.
 */
public class DtlsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DtlsException(String message) {
    super(message);
  }

  public DtlsException(String message, Throwable cause) {
    super(message, cause);
  }
}
