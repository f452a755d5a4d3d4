package dev.squall.peer;

/**
 * The exception of the peer module: a description that cannot be used (no data channel section,
 * missing ICE credentials or fingerprint, renegotiation), a call in the wrong signaling state, or a
 * connection that failed. The message says what is wrong in words an operator can act on.
 */
public class PeerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PeerException(String message) {
    super(message);
  }

  public PeerException(String message, Throwable cause) {
    super(message, cause);
  }
}
