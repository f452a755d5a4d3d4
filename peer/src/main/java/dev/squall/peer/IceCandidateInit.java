package dev.squall.peer;

import java.util.Objects;

/**
 * A trickled ICE candidate, as the W3C {@code RTCIceCandidateInit} (and the signaling protocol's
 * {@code candidate} object). An empty {@code candidate} is the end-of-candidates indication (RFC
 * 8838 §4.2), as browsers give it to {@code addIceCandidate}.
 *
 * @param candidate the {@code candidate:...} attribute value, or empty for end-of-candidates
 * @param sdpMid the media section's mid, or null
 * @param sdpMLineIndex the media section's index, or null
 * @param usernameFragment the ICE ufrag the candidate belongs to, or null
 */
public record IceCandidateInit(
    String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {

  public IceCandidateInit {
    Objects.requireNonNull(candidate, "candidate");
  }

  /** The end-of-candidates indication for a media section. */
  public static IceCandidateInit endOfCandidates(
      String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
    return new IceCandidateInit("", sdpMid, sdpMLineIndex, usernameFragment);
  }

  /** True for the end-of-candidates indication. */
  public boolean isEndOfCandidates() {
    return candidate.isBlank();
  }
}
