package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * {@code error}: a request was refused.
 *
 * <pre>
 * {"type":"error", "code":"room-full", "message":"…", "ref":…?}
 * </pre>
 *
 * @param code the wire code (see {@link ErrorCode}; kept as text so newer codes survive)
 * @param message human-readable text
 * @param ref the refused request's {@code ref}, or null
 */
public record ErrorMessage(String code, String message, JsonNode ref) implements ServerMessage {

  public ErrorMessage(ErrorCode code, String message) {
    this(code.wire(), message, null);
  }

  /** The code as an enum; empty for codes this version does not know. */
  public Optional<ErrorCode> errorCode() {
    return ErrorCode.fromWire(code);
  }

  @Override
  public String type() {
    return "error";
  }
}
