package dev.squall.signal.message;

/**
 * A relayed {@code answer} from peer {@code from}.
 *
 * <pre>
 * {"type":"answer", "from":"p2", "sdp":"v=0…"}
 * </pre>
 */
public record RelayedAnswer(String from, String sdp) implements Relayed {

  @Override
  public String type() {
    return "answer";
  }
}
