package dev.squall.peer;

/**
 * Where a {@link PeerConnection} is in the offer/answer exchange, named as the W3C {@code
 * RTCSignalingState} (without provisional answers, which this peer neither sends nor accepts).
 */
public enum SignalingState {
  /** No exchange in progress (before the first offer, and after the answer). */
  STABLE,
  /** Our offer is set as the local description; waiting for the answer. */
  HAVE_LOCAL_OFFER,
  /** The peer's offer is set as the remote description; our answer is due. */
  HAVE_REMOTE_OFFER,
  /** The connection is closed. */
  CLOSED
}
