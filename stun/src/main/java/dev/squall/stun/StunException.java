package dev.squall.stun;

/**
 * The one exception of the STUN module: thrown when bytes are not a well-formed STUN message or
 * attribute. {@link StunMessage#decode} never lets any other exception escape, so a caller can
 * treat every byte from the network as hostile with a single {@code catch}.
 */
public class StunException extends Exception {
  private static final long serialVersionUID = 1L;

  public StunException(String message) {
    super(message);
  }

  public StunException(String message, Throwable cause) {
    super(message, cause);
  }
}
