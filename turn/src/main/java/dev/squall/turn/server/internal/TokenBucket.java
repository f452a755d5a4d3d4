package dev.squall.turn.server.internal;

/**
 * A token bucket of bytes on a monotonic clock: {@code rate} bytes per second, at most {@code
 * burst} saved up. Starts full. Not thread-safe (one shard).
 */
public final class TokenBucket {

  private final double ratePerNano;
  private final double burst;
  private double tokens;
  private long last;

  /**
   * @param bytesPerSecond the refill rate (positive)
   * @param burst the depth in bytes
   * @param nowNanos the clock's current reading
   */
  public TokenBucket(long bytesPerSecond, long burst, long nowNanos) {
    this.ratePerNano = bytesPerSecond / 1e9;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowNanos;
  }

  /** Takes {@code bytes} tokens when that many are available at {@code nowNanos}. */
  public boolean tryTake(int bytes, long nowNanos) {
    long elapsed = nowNanos - last;
    if (elapsed > 0) {
      tokens = Math.min(burst, tokens + elapsed * ratePerNano);
      last = nowNanos;
    }
    if (tokens < bytes) {
      return false;
    }
    tokens -= bytes;
    return true;
  }
}
