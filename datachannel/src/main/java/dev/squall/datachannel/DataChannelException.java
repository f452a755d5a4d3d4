package dev.squall.datachannel;

/** A DataChannel Establishment Protocol message that does not decode. Thrown only by decoders. */
public final class DataChannelException extends Exception {
  private static final long serialVersionUID = 1L;

  public DataChannelException(String message) {
    super(message);
  }
}
