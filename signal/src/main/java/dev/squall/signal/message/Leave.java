package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code leave}: leave the room; the connection stays open. Not answered.
 *
 * <pre>
 * {"type":"leave", "ref":…?}
 * </pre>
 */
public record Leave(JsonNode ref) implements ClientMessage {

  public Leave() {
    this(null);
  }

  @Override
  public String type() {
    return "leave";
  }
}
