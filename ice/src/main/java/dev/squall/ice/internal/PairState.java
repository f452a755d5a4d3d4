package dev.squall.ice.internal;

/** The state of a candidate pair (RFC 8445 §6.1.2.6). */
public enum PairState {
  FROZEN("frozen"),
  WAITING("waiting"),
  IN_PROGRESS("in-progress"),
  SUCCEEDED("succeeded"),
  FAILED("failed");

  private final String w3cName;

  PairState(String w3cName) {
    this.w3cName = w3cName;
  }

  /** The W3C {@code RTCStatsIceCandidatePairState} value. */
  public String w3cName() {
    return w3cName;
  }
}
