package dev.squall.sctp.internal;

/**
 * Congestion control of RFC 9260 §7.2 for the one path: slow start and congestion avoidance on
 * cwnd/ssthresh with partial_bytes_acked, fast recovery after a fast retransmit (§7.2.4), and the
 * collapse to one MTU on a T3-rtx timeout (§7.2.3).
 */
final class CongestionControl {

  private final long mtu;
  private long cwnd;
  private long ssthresh;
  private long partialBytesAcked;
  private boolean inFastRecovery;
  private int recoveryExit;

  CongestionControl(int mtu) {
    this.mtu = mtu;
    this.cwnd = initialCwnd();
    this.ssthresh = Long.MAX_VALUE;
  }

  /** §7.2.1: cwnd = min(4 MTU, max(2 MTU, 4380)); ssthresh = the peer's a_rwnd. */
  void start(long peerRwnd) {
    cwnd = initialCwnd();
    ssthresh = Math.max(peerRwnd, 4 * mtu);
  }

  private long initialCwnd() {
    return Math.min(4 * mtu, Math.max(2 * mtu, 4380));
  }

  /**
   * A SACK advanced the cumulative TSN ack point to {@code cumAck}, acknowledging {@code acked} new
   * bytes, with {@code flightBefore} bytes in flight before it.
   */
  void onCumulativeAck(long acked, long flightBefore, int cumAck) {
    if (inFastRecovery) {
      if (!Tsn.lt(cumAck, recoveryExit)) {
        inFastRecovery = false;
      }
      return;
    }
    boolean fullyUsed = flightBefore + mtu > cwnd;
    if (cwnd <= ssthresh) {
      if (fullyUsed) {
        cwnd += Math.min(acked, mtu);
      }
    } else {
      partialBytesAcked += acked;
      if (partialBytesAcked >= cwnd && fullyUsed) {
        partialBytesAcked -= cwnd;
        cwnd += mtu;
      }
    }
  }

  /** Everything outstanding was acknowledged. */
  void onAllAcked() {
    partialBytesAcked = 0;
  }

  /** §7.2.4: a fast retransmit; enters fast recovery until {@code highestOutstanding} is acked. */
  void onFastRetransmit(int highestOutstanding) {
    if (inFastRecovery) {
      return;
    }
    ssthresh = Math.max(cwnd / 2, 4 * mtu);
    cwnd = ssthresh;
    partialBytesAcked = 0;
    inFastRecovery = true;
    recoveryExit = highestOutstanding;
  }

  /** §7.2.3: T3-rtx expired. */
  void onTimeout() {
    ssthresh = Math.max(cwnd / 2, 4 * mtu);
    cwnd = mtu;
    partialBytesAcked = 0;
    inFastRecovery = false;
  }

  long cwnd() {
    return cwnd;
  }

  long ssthresh() {
    return ssthresh;
  }

  boolean inFastRecovery() {
    return inFastRecovery;
  }
}
