package dev.squall.server;

import java.time.Duration;

/**
 * The signaling limits the server enforces per connection, room and server (see docs/signaling.md,
 * "Limits"). Validated on construction.
 *
 * @param maxMessageBytes largest accepted WebSocket frame in bytes
 * @param maxRoomSize most members in one room
 * @param ratePerSecond messages per second one connection may send on average
 * @param rateBurst messages one connection may send in a burst
 * @param maxConnections most simultaneous signaling connections on the server
 * @param resumeGrace how long a dropped session may be resumed
 * @param resumeQueue most messages queued for a dropped session
 */
public record SignalingLimits(
    int maxMessageBytes,
    int maxRoomSize,
    int ratePerSecond,
    int rateBurst,
    int maxConnections,
    Duration resumeGrace,
    int resumeQueue) {

  public SignalingLimits {
    positive("maxMessageBytes", maxMessageBytes);
    positive("maxRoomSize", maxRoomSize);
    positive("ratePerSecond", ratePerSecond);
    positive("rateBurst", rateBurst);
    positive("maxConnections", maxConnections);
    positive("resumeQueue", resumeQueue);
    if (resumeGrace == null || resumeGrace.isNegative()) {
      throw new IllegalArgumentException("resumeGrace must be zero or positive");
    }
  }

  /** The defaults of docs/signaling.md: 64 KiB, 16, 50/s, 200, 50,000, 30 s, 256. */
  public static SignalingLimits defaults() {
    return new SignalingLimits(64 * 1024, 16, 50, 200, 50_000, Duration.ofSeconds(30), 256);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
