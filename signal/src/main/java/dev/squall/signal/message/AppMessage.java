package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * {@code message}: relay any JSON value to peer {@code to}, or to every other member of the room
 * when {@code to} is absent.
 *
 * <pre>
 * {"type":"message", "to":"p1"?, "data":&lt;any JSON value&gt;, "ref":…?}
 * </pre>
 *
 * @param to addressee, or null to broadcast
 * @param data the value (a {@code NullNode} for JSON null, never Java null)
 */
public record AppMessage(String to, JsonNode data, JsonNode ref) implements Relay {

  public AppMessage {
    Objects.requireNonNull(data, "data");
  }

  public AppMessage(String to, JsonNode data) {
    this(to, data, null);
  }

  @Override
  public String type() {
    return "message";
  }

  @Override
  public RelayedMessage from(String from) {
    return new RelayedMessage(from, data);
  }
}
