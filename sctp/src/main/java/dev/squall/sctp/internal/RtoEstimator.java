package dev.squall.sctp.internal;

import dev.squall.sctp.SctpConfig;

/**
 * Retransmission timeout per RFC 9260 §6.3.1: SRTT and RTTVAR from RTT samples (alpha 1/8, beta
 * 1/4), RTO = SRTT + 4 RTTVAR clamped to [RTO.Min, RTO.Max], doubled on each expiry (back-off).
 * Callers apply Karn's rule: no samples from retransmitted chunks.
 */
public final class RtoEstimator {

  private final long min;
  private final long max;
  private long rto;
  private long srtt;
  private long rttvar;
  private boolean measured;

  public RtoEstimator(SctpConfig config) {
    this.min = config.rtoMin().toNanos();
    this.max = config.rtoMax().toNanos();
    this.rto = clamp(config.rtoInitial().toNanos());
  }

  /** Feeds one RTT measurement in nanoseconds. */
  public void measure(long rtt) {
    long r = Math.max(0, rtt);
    if (!measured) {
      srtt = r;
      rttvar = r / 2;
      measured = true;
    } else {
      rttvar = rttvar - rttvar / 4 + Math.abs(srtt - r) / 4;
      srtt = srtt - srtt / 8 + r / 8;
    }
    // G, the clock granularity, is a nanosecond here
    rto = clamp(srtt + Math.max(1, 4 * rttvar));
  }

  /** Doubles the RTO up to RTO.Max (§6.3.3 E2). */
  public void backOff() {
    rto = Math.min(max, rto * 2);
  }

  public long rto() {
    return rto;
  }

  /** Smoothed RTT, or 0 before the first measurement. */
  public long srtt() {
    return srtt;
  }

  private long clamp(long v) {
    return Math.max(min, Math.min(max, v));
  }
}
