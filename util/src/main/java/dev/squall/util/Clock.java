package dev.squall.util;

/**
 * A monotonic source of time. Protocol cores read time only through a {@code Clock} so that tests
 * can run them on virtual time.
 */
public interface Clock {

  /** Monotonic time in nanoseconds; only differences between two readings are meaningful. */
  long nanoTime();

  /** Monotonic time in milliseconds. */
  default long millis() {
    return nanoTime() / 1_000_000L;
  }

  /** The system's monotonic clock. */
  static Clock system() {
    return System::nanoTime;
  }
}
