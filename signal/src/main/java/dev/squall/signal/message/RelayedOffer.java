package dev.squall.signal.message;

/**
 * A relayed {@code offer} from peer {@code from}.
 *
 * <pre>
 * {"type":"offer", "from":"p2", "sdp":"v=0…"}
 * </pre>
 */
public record RelayedOffer(String from, String sdp) implements Relayed {

  @Override
  public String type() {
    return "offer";
  }
}
