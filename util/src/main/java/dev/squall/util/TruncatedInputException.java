package dev.squall.util;

/**
 * Thrown by {@link ByteReader} when a read runs past the end of its input. Protocol decoders catch
 * it and rethrow their own protocol exception, so callers see one exception type per module.
 */
public final class TruncatedInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TruncatedInputException(String message) {
    super(message, null, false, false);
  }
}
