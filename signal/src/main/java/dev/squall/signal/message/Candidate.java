package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code candidate}: relay an ICE candidate (or end-of-candidates) to peer {@code to}.
 *
 * <pre>
 * {"type":"candidate", "to":"p1",
 *  "candidate":{"candidate":"candidate:…", "sdpMid":"0", "sdpMLineIndex":0, "usernameFragment":"…"}
 *              | null,
 *  "ref":…?}
 * </pre>
 *
 * @param candidate the candidate, or null for end-of-candidates
 */
public record Candidate(String to, IceCandidate candidate, JsonNode ref) implements Relay {

  public Candidate(String to, IceCandidate candidate) {
    this(to, candidate, null);
  }

  @Override
  public String type() {
    return "candidate";
  }

  @Override
  public RelayedCandidate from(String from) {
    return new RelayedCandidate(from, candidate);
  }
}
