package dev.squall.sctp;

/**
 * The one exception of the SCTP module: thrown when bytes are not a well-formed SCTP packet, chunk,
 * parameter or error cause. Decoders never let any other exception escape, so a caller can treat
 * every byte from the network as hostile with a single {@code catch}.
 */
public class SctpException extends Exception {
  private static final long serialVersionUID = 1L;

  public SctpException(String message) {
    super(message);
  }

  public SctpException(String message, Throwable cause) {
    super(message, cause);
  }
}
