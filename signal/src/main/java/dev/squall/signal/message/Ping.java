package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ping}: keepalive; answered by {@link Pong} with the same {@code id}.
 *
 * <pre>
 * {"type":"ping", "id":&lt;any JSON value&gt;?, "ref":…?}
 * </pre>
 *
 * @param id any value, or null when absent
 */
public record Ping(JsonNode id, JsonNode ref) implements ClientMessage {

  public Ping(JsonNode id) {
    this(id, null);
  }

  @Override
  public String type() {
    return "ping";
  }
}
