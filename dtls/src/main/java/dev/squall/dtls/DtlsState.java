package dev.squall.dtls;

/** Lifecycle of a {@link DtlsTransport}, named after W3C {@code RTCDtlsTransportState}. */
public enum DtlsState {
  /** Created; {@link DtlsTransport#start()} not called yet. */
  NEW,
  /** Handshake running. */
  CONNECTING,
  /** Handshake done; application data flows. */
  CONNECTED,
  /** Closed cleanly, by either side (close_notify) or locally. */
  CLOSED,
  /** Handshake or record layer failed. */
  FAILED
}
