package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A relayed {@code message} from peer {@code from}.
 *
 * <pre>
 * {"type":"message", "from":"p2", "data":&lt;any JSON value&gt;}
 * </pre>
 */
public record RelayedMessage(String from, JsonNode data) implements Relayed {

  public RelayedMessage {
    Objects.requireNonNull(data, "data");
  }

  @Override
  public String type() {
    return "message";
  }
}
