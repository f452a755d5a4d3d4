package dev.squall.peer;

/**
 * The aggregate state of a {@link PeerConnection}, named as the W3C {@code RTCPeerConnectionState}
 * and derived from the ICE agent and the DTLS transport (W3C webrtc §4.3.3), first match wins:
 *
 * <ul>
 *   <li>{@code CLOSED}: {@link PeerConnection#close()} was called.
 *   <li>{@code FAILED}: ICE failed (no pair, consent expired) or DTLS failed (handshake,
 *       fingerprint mismatch, fatal alert); see {@link PeerConnection#failureReason()}.
 *   <li>{@code DISCONNECTED}: ICE is disconnected (no consent response for a while), or the peer
 *       closed DTLS.
 *   <li>{@code NEW}: ICE is new and DTLS not started.
 *   <li>{@code CONNECTED}: ICE connected or completed, and DTLS connected.
 *   <li>{@code CONNECTING}: anything else (checking, or DTLS handshaking).
 * </ul>
 */
public enum PeerConnectionState {
  NEW,
  CONNECTING,
  CONNECTED,
  DISCONNECTED,
  FAILED,
  CLOSED
}
