package dev.squall.vnet;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link Pipe} does to the packets crossing it. Every random choice comes from the pipe's
 * own seeded source, so a scenario behaves the same on every run.
 *
 * <p>Each packet is delayed by {@code delay} plus a uniform draw in {@code [0, jitter]}; with
 * probability {@code reorderRate} it is held back a further {@code reorderDelay}, so that later
 * packets overtake it. Jitter larger than the gap between packets reorders them too, like netem. It
 * is lost with probability {@code lossRate}, and copied (the copy delayed independently) with
 * probability {@code duplicateRate}. Packets larger than {@code mtu} (payload plus 28 bytes of IPv4
 * and UDP headers) are dropped.
 */
public record LinkConditions(
    Duration delay,
    Duration jitter,
    double lossRate,
    double duplicateRate,
    double reorderRate,
    Duration reorderDelay,
    int mtu) {

  /** IPv4 (20) plus UDP (8) header bytes counted against the MTU. */
  public static final int HEADER_BYTES = 28;

  /** No MTU limit. */
  public static final int UNLIMITED_MTU = Integer.MAX_VALUE;

  /** A perfect pipe: no delay, no loss, no limit. */
  public static final LinkConditions PERFECT =
      new LinkConditions(Duration.ZERO, Duration.ZERO, 0, 0, 0, Duration.ZERO, UNLIMITED_MTU);

  public LinkConditions {
    requireNonNegative(delay, "delay");
    requireNonNegative(jitter, "jitter");
    requireNonNegative(reorderDelay, "reorderDelay");
    requireRate(lossRate, "lossRate");
    requireRate(duplicateRate, "duplicateRate");
    requireRate(reorderRate, "reorderRate");
    if (mtu < 1 + HEADER_BYTES) {
      throw new IllegalArgumentException("mtu too small: " + mtu);
    }
  }

  public LinkConditions withDelay(Duration d) {
    return new LinkConditions(d, jitter, lossRate, duplicateRate, reorderRate, reorderDelay, mtu);
  }

  public LinkConditions withJitter(Duration j) {
    return new LinkConditions(delay, j, lossRate, duplicateRate, reorderRate, reorderDelay, mtu);
  }

  public LinkConditions withLoss(double rate) {
    return new LinkConditions(delay, jitter, rate, duplicateRate, reorderRate, reorderDelay, mtu);
  }

  public LinkConditions withDuplication(double rate) {
    return new LinkConditions(delay, jitter, lossRate, rate, reorderRate, reorderDelay, mtu);
  }

  /** Holds back a share {@code rate} of the packets by an extra {@code extraDelay}. */
  public LinkConditions withReordering(double rate, Duration extraDelay) {
    return new LinkConditions(delay, jitter, lossRate, duplicateRate, rate, extraDelay, mtu);
  }

  public LinkConditions withMtu(int bytes) {
    return new LinkConditions(
        delay, jitter, lossRate, duplicateRate, reorderRate, reorderDelay, bytes);
  }

  private static void requireNonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative()) {
      throw new IllegalArgumentException(name + " is negative");
    }
  }

  private static void requireRate(double rate, String name) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException(name + " out of [0, 1]: " + rate);
    }
  }
}
