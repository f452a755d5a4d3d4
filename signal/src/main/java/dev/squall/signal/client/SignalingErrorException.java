package dev.squall.signal.client;

import dev.squall.signal.message.ErrorMessage;

/** A request refused by the server: completes a {@link SignalingClient} future exceptionally. */
public final class SignalingErrorException extends RuntimeException {

  private final transient ErrorMessage error;

  public SignalingErrorException(ErrorMessage error) {
    super(error.code() + ": " + error.message());
    this.error = error;
  }

  /** The server's {@code error} message. */
  public ErrorMessage error() {
    return error;
  }

  /** The wire code, e.g. {@code room-full}. */
  public String code() {
    return error.code();
  }
}
