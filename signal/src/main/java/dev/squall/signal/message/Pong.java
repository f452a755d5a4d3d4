package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code pong}: the answer to {@code ping}.
 *
 * <pre>
 * {"type":"pong", "id":&lt;the ping's id&gt;?}
 * </pre>
 *
 * @param id the ping's id, or null when it had none
 */
public record Pong(JsonNode id) implements ServerMessage {

  @Override
  public String type() {
    return "pong";
  }
}
