package dev.squall.signal.internal;

import dev.squall.util.Clock;

/**
 * A token bucket: holds up to {@code burst} tokens, refilled at {@code ratePerSecond}, starting
 * full. Each accepted message takes one token. Reads time from a {@link Clock}, so it runs on
 * virtual time in tests. Not thread-safe: use it on one scheduler.
 */
public final class TokenBucket {

  private final Clock clock;
  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long last;

  public TokenBucket(Clock clock, double ratePerSecond, int burst) {
    this.clock = clock;
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = clock.nanoTime();
  }

  /** Takes one token if there is one; false means the message must be dropped. */
  public boolean tryTake() {
    long now = clock.nanoTime();
    long elapsed = now - last;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * ratePerNano);
      last = now;
    }
    if (tokens >= 1.0) {
      tokens -= 1.0;
      return true;
    }
    return false;
  }
}
