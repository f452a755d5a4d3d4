package dev.squall.ice;

/** Which candidates the agent gathers, signals and checks (W3C {@code RTCIceTransportPolicy}). */
public enum IceTransportPolicy {
  /** Host, server-reflexive and relay candidates. */
  ALL,
  /**
   * Relay candidates only: no host or server-reflexive candidate is signalled, and only pairs whose
   * local candidate is a relay are checked, so no address of this host reaches the peer.
   */
  RELAY
}
