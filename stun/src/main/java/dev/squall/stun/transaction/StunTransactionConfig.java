package dev.squall.stun.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * Timers of a STUN client transaction (RFC 8489 §6.2.1, §6.2.2). Over an unreliable transport the
 * request is sent at 0, RTO, 3·RTO, 7·RTO … (the interval doubling each time) for {@code
 * maxTransmissions} (Rc) transmissions in all, and the transaction fails {@code
 * finalWaitMultiplier} (Rm) × RTO after the last one. With the defaults (RTO 500 ms, Rc 7, Rm 16):
 * sends at 0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5 s and a timeout at 39.5 s. Over a reliable transport
 * the request is sent once and fails after {@code reliableTimeout} (Ti, 39.5 s).
 *
 * @param initialRto RTO, positive
 * @param maxTransmissions Rc, at least 1
 * @param finalWaitMultiplier Rm, at least 1
 * @param reliableTimeout Ti, positive
 */
public record StunTransactionConfig(
    Duration initialRto, int maxTransmissions, int finalWaitMultiplier, Duration reliableTimeout) {

  /** RTO 500 ms, Rc 7, Rm 16, Ti 39.5 s. */
  public static final StunTransactionConfig DEFAULT =
      new StunTransactionConfig(Duration.ofMillis(500), 7, 16, Duration.ofMillis(39_500));

  public StunTransactionConfig {
    Objects.requireNonNull(initialRto, "initialRto");
    Objects.requireNonNull(reliableTimeout, "reliableTimeout");
    if (initialRto.isNegative() || initialRto.isZero()) {
      throw new IllegalArgumentException("RTO must be positive");
    }
    if (reliableTimeout.isNegative() || reliableTimeout.isZero()) {
      throw new IllegalArgumentException("reliable timeout must be positive");
    }
    if (maxTransmissions < 1 || maxTransmissions > 30 || finalWaitMultiplier < 1) {
      throw new IllegalArgumentException("Rc must be 1-30 and Rm at least 1");
    }
  }

  /** The same configuration with another initial RTO (e.g. one measured for this server). */
  public StunTransactionConfig withInitialRto(Duration rto) {
    return new StunTransactionConfig(rto, maxTransmissions, finalWaitMultiplier, reliableTimeout);
  }

  /** The wait after transmission {@code n} (1-based) before the next one: RTO·2^(n-1). */
  Duration retransmitInterval(int n) {
    return initialRto.multipliedBy(1L << (n - 1));
  }

  /** The wait after the last transmission before the transaction fails: Rm·RTO. */
  Duration finalWait() {
    return initialRto.multipliedBy(finalWaitMultiplier);
  }
}
