package dev.squall.ice.internal;

/** The state of a candidate pair (RFC 8445 §6.1.2.6). */
public enum PairState {
  FROZEN,
  WAITING,
  IN_PROGRESS,
  SUCCEEDED,
  FAILED
}
