package dev.squall.sctp;

import java.time.Duration;

/**
 * How hard the association tries to deliver one message (RFC 3758 partial reliability, as exposed
 * by RFC 8831 DataChannels). {@link #RELIABLE} retransmits until acknowledged; with {@code
 * maxRetransmits >= 0} the message is abandoned after that many retransmissions; with a {@code
 * maxPacketLifeTime} it is abandoned once that time has passed since {@code send}. Abandoned
 * messages are skipped at the receiver with FORWARD-TSN.
 *
 * @param maxRetransmits retransmissions allowed, or -1 for no limit
 * @param maxPacketLifeTime lifetime of the message, or null for no limit
 */
public record Reliability(int maxRetransmits, Duration maxPacketLifeTime) {

  /** Retransmits until acknowledged. */
  public static final Reliability RELIABLE = new Reliability(-1, null);

  public Reliability {
    if (maxRetransmits < -1) {
      throw new IllegalArgumentException("maxRetransmits must be >= -1: " + maxRetransmits);
    }
    if (maxPacketLifeTime != null && maxPacketLifeTime.isNegative()) {
      throw new IllegalArgumentException("negative lifetime");
    }
    if (maxRetransmits >= 0 && maxPacketLifeTime != null) {
      throw new IllegalArgumentException("set maxRetransmits or maxPacketLifeTime, not both");
    }
  }

  /** Abandon after {@code n} retransmissions (0: send once). */
  public static Reliability maxRetransmits(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("maxRetransmits must be >= 0: " + n);
    }
    return new Reliability(n, null);
  }

  /** Abandon once {@code lifetime} has passed since the message was queued. */
  public static Reliability maxPacketLifeTime(Duration lifetime) {
    return new Reliability(-1, lifetime);
  }

  /** True when the message is retransmitted until acknowledged. */
  public boolean reliable() {
    return maxRetransmits < 0 && maxPacketLifeTime == null;
  }
}
