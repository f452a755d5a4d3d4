package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code answer}: relay an SDP answer to peer {@code to}.
 *
 * <pre>
 * {"type":"answer", "to":"p2", "sdp":"v=0…", "ref":…?}
 * </pre>
 */
public record Answer(String to, String sdp, JsonNode ref) implements Relay {

  public Answer(String to, String sdp) {
    this(to, sdp, null);
  }

  @Override
  public String type() {
    return "answer";
  }

  @Override
  public RelayedAnswer from(String from) {
    return new RelayedAnswer(from, sdp);
  }
}
