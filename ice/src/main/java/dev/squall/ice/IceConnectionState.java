package dev.squall.ice;

/**
 * The connection state of an {@link IceAgent}, named as the W3C {@code RTCIceConnectionState}.
 *
 * <ul>
 *   <li>{@code NEW}: nothing to check yet (no remote credentials or candidates).
 *   <li>{@code CHECKING}: connectivity checks run, no pair selected yet.
 *   <li>{@code CONNECTED}: a nominated pair is selected; checking or trickling may go on.
 *   <li>{@code COMPLETED}: selected, local gathering and remote candidates both finished.
 *   <li>{@code DISCONNECTED}: the selected pair went without a consent response for a while (RFC
 *       7675); it may recover.
 *   <li>{@code FAILED}: no pair succeeded, or consent expired; see {@link
 *       IceAgent#failureReason()}. An ICE restart leaves it.
 *   <li>{@code CLOSED}: the agent was closed.
 * </ul>
 */
public enum IceConnectionState {
  NEW,
  CHECKING,
  CONNECTED,
  COMPLETED,
  DISCONNECTED,
  FAILED,
  CLOSED
}
