package dev.squall.signal.message;

/**
 * {@code peer-left}: someone left your room.
 *
 * <pre>
 * {"type":"peer-left", "id":"p2", "reason":"left" | "disconnected" | "timeout"}
 * </pre>
 */
public record PeerLeft(String id, String reason) implements ServerMessage {

  /** Left explicitly with {@code leave}. */
  public static final String LEFT = "left";

  /** Closed the connection while the server keeps no sessions for resume. */
  public static final String DISCONNECTED = "disconnected";

  /** The resume grace period ran out, or the resume queue overflowed. */
  public static final String TIMEOUT = "timeout";

  @Override
  public String type() {
    return "peer-left";
  }
}
