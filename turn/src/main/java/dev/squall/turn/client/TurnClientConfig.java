package dev.squall.turn.client;

import dev.squall.stun.transaction.StunTransactionConfig;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Settings of a {@link TurnClient}. Start from {@link #of(String, String)} and use the withers.
 *
 * @param username the long-term credential's user name
 * @param password the long-term credential's password
 * @param lifetime the allocation lifetime asked for in Allocate and Refresh (the server decides;
 *     default 600 s, RFC 8656 §3.2)
 * @param transactions retransmission of requests over UDP (over TCP/TLS only the overall timeout
 *     applies); default RTO 500 ms, Rc 7, Rm 16: a silent server is given up after 39.5 s
 * @param permissionRefresh how often installed permissions are refreshed; less than their 300 s
 *     lifetime (default 240 s)
 * @param channelRefresh how often channel bindings are refreshed; less than their 600 s lifetime
 *     (default 540 s)
 * @param retryAfter when a refresh gets no response, the wait before trying again while the
 *     allocation, permission or channel still lives (default 10 s)
 * @param maxQueuedPerPeer datagrams kept per peer address while its permission is being installed
 *     (more are dropped; default 32)
 * @param software the SOFTWARE attribute to send, or null
 * @param random transaction IDs
 */
public record TurnClientConfig(
    String username,
    String password,
    Duration lifetime,
    StunTransactionConfig transactions,
    Duration permissionRefresh,
    Duration channelRefresh,
    Duration retryAfter,
    int maxQueuedPerPeer,
    String software,
    RandomGenerator random) {

  public TurnClientConfig {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(permissionRefresh, "permissionRefresh");
    Objects.requireNonNull(channelRefresh, "channelRefresh");
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(random, "random");
    if (lifetime.toSeconds() < 1 || lifetime.toSeconds() > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("lifetime out of range: " + lifetime);
    }
    if (permissionRefresh.isNegative()
        || permissionRefresh.isZero()
        || permissionRefresh.compareTo(Duration.ofSeconds(300)) >= 0) {
      throw new IllegalArgumentException("permissions must be refreshed within 300 s");
    }
    if (channelRefresh.isNegative()
        || channelRefresh.isZero()
        || channelRefresh.compareTo(Duration.ofSeconds(600)) >= 0) {
      throw new IllegalArgumentException("channels must be refreshed within 600 s");
    }
    if (retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException("retryAfter must be positive");
    }
    if (maxQueuedPerPeer < 0) {
      throw new IllegalArgumentException("maxQueuedPerPeer must not be negative");
    }
  }

  /** The defaults described on each component, with this credential and a {@link SecureRandom}. */
  public static TurnClientConfig of(String username, String password) {
    return new TurnClientConfig(
        username,
        password,
        Duration.ofSeconds(600),
        StunTransactionConfig.DEFAULT,
        Duration.ofSeconds(240),
        Duration.ofSeconds(540),
        Duration.ofSeconds(10),
        32,
        null,
        new SecureRandom());
  }

  public TurnClientConfig withLifetime(Duration value) {
    return new TurnClientConfig(
        username,
        password,
        value,
        transactions,
        permissionRefresh,
        channelRefresh,
        retryAfter,
        maxQueuedPerPeer,
        software,
        random);
  }

  public TurnClientConfig withTransactions(StunTransactionConfig value) {
    return new TurnClientConfig(
        username,
        password,
        lifetime,
        value,
        permissionRefresh,
        channelRefresh,
        retryAfter,
        maxQueuedPerPeer,
        software,
        random);
  }

  /** Refresh intervals of permissions and channel bindings. */
  public TurnClientConfig withRefresh(Duration permissions, Duration channels) {
    return new TurnClientConfig(
        username,
        password,
        lifetime,
        transactions,
        permissions,
        channels,
        retryAfter,
        maxQueuedPerPeer,
        software,
        random);
  }

  public TurnClientConfig withSoftware(String value) {
    return new TurnClientConfig(
        username,
        password,
        lifetime,
        transactions,
        permissionRefresh,
        channelRefresh,
        retryAfter,
        maxQueuedPerPeer,
        value,
        random);
  }

  public TurnClientConfig withRandom(RandomGenerator value) {
    return new TurnClientConfig(
        username,
        password,
        lifetime,
        transactions,
        permissionRefresh,
        channelRefresh,
        retryAfter,
        maxQueuedPerPeer,
        software,
        value);
  }

  /** The credential is not shown. */
  @Override
  public String toString() {
    return "TurnClientConfig[username=" + username + ", lifetime=" + lifetime + "]";
  }
}
