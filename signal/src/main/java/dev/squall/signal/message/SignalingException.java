package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A frame that cannot be accepted: the {@link ErrorCode} to answer with, a human-readable message
 * and the request's {@code ref} when it could be read. The only exception the codec throws.
 */
public final class SignalingException extends Exception {

  private final ErrorCode code;
  private final transient JsonNode ref;

  public SignalingException(ErrorCode code, String message, JsonNode ref) {
    super(message, null, false, false);
    this.code = code;
    this.ref = ref;
  }

  public ErrorCode code() {
    return code;
  }

  /** The {@code ref} of the refused request, or null. */
  public JsonNode ref() {
    return ref;
  }

  /** The {@code error} message that answers this problem. */
  public ErrorMessage toMessage() {
    return new ErrorMessage(code.wire(), getMessage(), ref);
  }
}
