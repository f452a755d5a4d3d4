package dev.squall.peer.internal;

import dev.squall.dtls.DtlsState;
import dev.squall.ice.IceConnectionState;
import dev.squall.peer.PeerConnectionState;

/**
 * Derives the W3C connection state from the ICE and DTLS transport states (webrtc-pc §4.3.3, with
 * one ICE transport and one DTLS transport), first match wins: failed, disconnected, new,
 * connected, connecting. {@code closed} is the connection's own business.
 */
public final class ConnectionStates {

  private ConnectionStates() {}

  public static PeerConnectionState derive(IceConnectionState ice, DtlsState dtls) {
    if (ice == IceConnectionState.FAILED || dtls == DtlsState.FAILED) {
      return PeerConnectionState.FAILED;
    }
    if (ice == IceConnectionState.DISCONNECTED || dtls == DtlsState.CLOSED) {
      return PeerConnectionState.DISCONNECTED;
    }
    if (ice == IceConnectionState.NEW && dtls == DtlsState.NEW) {
      return PeerConnectionState.NEW;
    }
    boolean iceUp = ice == IceConnectionState.CONNECTED || ice == IceConnectionState.COMPLETED;
    if (iceUp && dtls == DtlsState.CONNECTED) {
      return PeerConnectionState.CONNECTED;
    }
    return PeerConnectionState.CONNECTING;
  }
}
