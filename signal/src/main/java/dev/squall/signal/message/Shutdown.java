package dev.squall.signal.message;

/**
 * {@code shutdown}: the server is stopping; the connection closes right after with status 1001.
 *
 * <pre>
 * {"type":"shutdown", "reason":"…"}
 * </pre>
 */
public record Shutdown(String reason) implements ServerMessage {

  @Override
  public String type() {
    return "shutdown";
  }
}
