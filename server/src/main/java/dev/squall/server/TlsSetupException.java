package dev.squall.server;

/** The TLS certificate or private key is missing, unreadable, invalid or mismatched. */
public final class TlsSetupException extends ServerStartException {
  private static final long serialVersionUID = 1L;

  public TlsSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
