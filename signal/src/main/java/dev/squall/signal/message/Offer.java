package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code offer}: relay an SDP offer to peer {@code to}.
 *
 * <pre>
 * {"type":"offer", "to":"p1", "sdp":"v=0…", "ref":…?}
 * </pre>
 */
public record Offer(String to, String sdp, JsonNode ref) implements Relay {

  public Offer(String to, String sdp) {
    this(to, sdp, null);
  }

  @Override
  public String type() {
    return "offer";
  }

  @Override
  public RelayedOffer from(String from) {
    return new RelayedOffer(from, sdp);
  }
}
