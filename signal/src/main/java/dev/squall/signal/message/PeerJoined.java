package dev.squall.signal.message;

/**
 * {@code peer-joined}: someone entered your room.
 *
 * <pre>
 * {"type":"peer-joined", "peer":{"id":"p2","name":"Bob"}}
 * </pre>
 */
public record PeerJoined(PeerInfo peer) implements ServerMessage {

  @Override
  public String type() {
    return "peer-joined";
  }
}
