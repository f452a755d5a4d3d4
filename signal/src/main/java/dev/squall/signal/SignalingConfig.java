package dev.squall.signal;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and settings of a {@link SignalingHub} and its WebSocket binding. Defaults are those of
 * docs/signaling.md ("Limits", "Keepalive and resume"). Validated on construction; change fields
 * with the {@code with...} copy methods.
 *
 * @param maxMessageBytes largest accepted frame payload in bytes ({@code too-large} above)
 * @param maxRoomSize most members in one room, detached sessions included
 * @param ratePerSecond messages per second one connection may send on average
 * @param rateBurst messages one connection may send at once
 * @param maxConnections most simultaneous connections ({@code server-busy} above)
 * @param resumeGrace how long a dropped session may be resumed; zero turns resume off
 * @param resumeQueue most messages queued for a dropped session
 * @param authSecret HMAC secret for join tokens, or null for open rooms
 * @param iceServers chooses the {@code iceServers} of {@code joined}
 * @param pingInterval WebSocket ping period
 * @param idleTimeout a connection silent for this long is closed
 */
public record SignalingConfig(
    int maxMessageBytes,
    int maxRoomSize,
    double ratePerSecond,
    int rateBurst,
    int maxConnections,
    Duration resumeGrace,
    int resumeQueue,
    String authSecret,
    IceServerProvider iceServers,
    Duration pingInterval,
    Duration idleTimeout) {

  public SignalingConfig {
    positive("maxMessageBytes", maxMessageBytes);
    positive("maxRoomSize", maxRoomSize);
    positive("rateBurst", rateBurst);
    positive("maxConnections", maxConnections);
    positive("resumeQueue", resumeQueue);
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("ratePerSecond must be positive, was " + ratePerSecond);
    }
    Objects.requireNonNull(iceServers, "iceServers");
    notNegative("resumeGrace", resumeGrace);
    notNegative("pingInterval", pingInterval);
    notNegative("idleTimeout", idleTimeout);
    if (pingInterval.isZero() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("pingInterval and idleTimeout must be positive");
    }
    if (authSecret != null && authSecret.isEmpty()) {
      throw new IllegalArgumentException("authSecret must not be empty (use null for no auth)");
    }
  }

  /**
   * 64 KiB frames, rooms of 16, 50 msg/s with bursts of 200, 50,000 connections, 30 s grace, 256
   * queued messages, no auth, {@code stun:<host>:3478}, pings every 15 s, idle close after 45 s.
   */
  public static SignalingConfig defaults() {
    return new SignalingConfig(
        64 * 1024,
        16,
        50,
        200,
        50_000,
        Duration.ofSeconds(30),
        256,
        null,
        IceServerProvider.defaultStun(),
        Duration.ofSeconds(15),
        Duration.ofSeconds(45));
  }

  public SignalingConfig withMaxMessageBytes(int v) {
    return new SignalingConfig(
        v,
        maxRoomSize,
        ratePerSecond,
        rateBurst,
        maxConnections,
        resumeGrace,
        resumeQueue,
        authSecret,
        iceServers,
        pingInterval,
        idleTimeout);
  }

  public SignalingConfig withMaxRoomSize(int v) {
    return new SignalingConfig(
        maxMessageBytes,
        v,
        ratePerSecond,
        rateBurst,
        maxConnections,
        resumeGrace,
        resumeQueue,
        authSecret,
        iceServers,
        pingInterval,
        idleTimeout);
  }

  /** Sets both the average rate and the burst. */
  public SignalingConfig withRateLimit(double perSecond, int burst) {
    return new SignalingConfig(
        maxMessageBytes,
        maxRoomSize,
        perSecond,
        burst,
        maxConnections,
        resumeGrace,
        resumeQueue,
        authSecret,
        iceServers,
        pingInterval,
        idleTimeout);
  }

  public SignalingConfig withMaxConnections(int v) {
    return new SignalingConfig(
        maxMessageBytes,
        maxRoomSize,
        ratePerSecond,
        rateBurst,
        v,
        resumeGrace,
        resumeQueue,
        authSecret,
        iceServers,
        pingInterval,
        idleTimeout);
  }

  public SignalingConfig withResumeGrace(Duration v) {
    return new SignalingConfig(
        maxMessageBytes,
        maxRoomSize,
        ratePerSecond,
        rateBurst,
        maxConnections,
        v,
        resumeQueue,
        authSecret,
        iceServers,
        pingInterval,
        idleTimeout);
  }

  public SignalingConfig withResumeQueue(int v) {
    return new SignalingConfig(
        maxMessageBytes,
        maxRoomSize,
        ratePerSecond,
        rateBurst,
        maxConnections,
        resumeGrace,
        v,
        authSecret,
        iceServers,
        pingInterval,
        idleTimeout);
  }

  public SignalingConfig withAuthSecret(String v) {
    return new SignalingConfig(
        maxMessageBytes,
        maxRoomSize,
        ratePerSecond,
        rateBurst,
        maxConnections,
        resumeGrace,
        resumeQueue,
        v,
        iceServers,
        pingInterval,
        idleTimeout);
  }

  public SignalingConfig withIceServers(IceServerProvider v) {
    return new SignalingConfig(
        maxMessageBytes,
        maxRoomSize,
        ratePerSecond,
        rateBurst,
        maxConnections,
        resumeGrace,
        resumeQueue,
        authSecret,
        v,
        pingInterval,
        idleTimeout);
  }

  /** Sets the WebSocket ping period and the idle close time. */
  public SignalingConfig withKeepalive(Duration ping, Duration idle) {
    return new SignalingConfig(
        maxMessageBytes,
        maxRoomSize,
        ratePerSecond,
        rateBurst,
        maxConnections,
        resumeGrace,
        resumeQueue,
        authSecret,
        iceServers,
        ping,
        idle);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  private static void notNegative(String name, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be zero or positive");
    }
  }

  @Override
  public String toString() {
    // never print the secret
    return "SignalingConfig[maxMessageBytes="
        + maxMessageBytes
        + ", maxRoomSize="
        + maxRoomSize
        + ", rate="
        + ratePerSecond
        + "/s burst "
        + rateBurst
        + ", maxConnections="
        + maxConnections
        + ", resumeGrace="
        + resumeGrace
        + ", resumeQueue="
        + resumeQueue
        + ", auth="
        + (authSecret != null)
        + ", pingInterval="
        + pingInterval
        + ", idleTimeout="
        + idleTimeout
        + "]";
  }
}
