package dev.squall.dtls;

/** Why a {@link DtlsTransport} stopped. */
public enum DtlsCloseReason {
  /** {@link DtlsTransport#close()} was called here; a close_notify was sent if connected. */
  LOCAL,
  /** The peer sent close_notify; ours went back. */
  REMOTE,
  /** A fatal alert, a record-layer error, a handshake failure or the path went away. */
  FAILED
}
