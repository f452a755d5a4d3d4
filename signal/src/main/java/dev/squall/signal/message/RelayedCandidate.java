package dev.squall.signal.message;

/**
 * A relayed {@code candidate} from peer {@code from}.
 *
 * <pre>
 * {"type":"candidate", "from":"p2", "candidate":{…} | null}
 * </pre>
 *
 * @param candidate the candidate, or null for end-of-candidates
 */
public record RelayedCandidate(String from, IceCandidate candidate) implements Relayed {

  @Override
  public String type() {
    return "candidate";
  }
}
