package dev.squall.stun.transaction;

/**
 * Whether the transport a request travels on delivers reliably (RFC 8489 §6.2): over UDP the client
 * retransmits; over TCP or TLS it sends once and waits.
 */
public enum Reliability {
  /** UDP, DTLS: retransmit on the RTO schedule. */
  UNRELIABLE,
  /** TCP, TLS: one transmission, then wait for the reliable timeout. */
  RELIABLE
}
