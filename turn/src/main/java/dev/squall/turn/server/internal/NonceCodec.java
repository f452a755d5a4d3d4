package dev.squall.turn.server.internal;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless NONCEs for the long-term mechanism (RFC 8489 §9.2): {@code <issue time in seconds,
 * hex>-<MAC>}, the MAC being a truncated HMAC-SHA256 over the issue time and the client's IP
 * address under a server secret. Any shard holding the same secret verifies a nonce another issued,
 * without shared state; a nonce is valid for its lifetime from issue, for the address it was issued
 * to only.
 *
 * <p>Time is the scheduler's monotonic clock, so nonces verify across the shards of one process and
 * on virtual time in tests. One instance per shard: it holds a {@link Mac}, which is not
 * thread-safe.
 */
public final class NonceCodec {

  private static final int TAG_BYTES = 15;
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Mac mac;
  private final long lifetimeNanos;

  public NonceCodec(String secret, long lifetimeNanos) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
    this.lifetimeNanos = lifetimeNanos;
  }

  /** A fresh nonce for {@code client} issued at {@code nowNanos}. */
  public String issue(InetAddress client, long nowNanos) {
    String time = Long.toHexString(Math.floorDiv(nowNanos, NANOS_PER_SECOND));
    return time + "-" + tag(time, client);
  }

  /**
   * True when {@code nonce} is one of ours, for {@code client}, and not older than its lifetime.
   */
  public boolean isValid(String nonce, InetAddress client, long nowNanos) {
    int dash = nonce.indexOf('-');
    if (dash <= 0 || dash > 16) {
      return false;
    }
    String time = nonce.substring(0, dash);
    long seconds;
    try {
      seconds = Long.parseUnsignedLong(time, 16);
    } catch (NumberFormatException e) {
      return false;
    }
    byte[] expected = tag(time, client).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = nonce.substring(dash + 1).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, actual)) {
      return false;
    }
    long issued = seconds * NANOS_PER_SECOND;
    long age = nowNanos - issued;
    return age >= 0 && age < lifetimeNanos;
  }

  private String tag(String time, InetAddress client) {
    mac.update(time.getBytes(StandardCharsets.US_ASCII));
    mac.update((byte) '|');
    mac.update(client.getAddress());
    byte[] full = mac.doFinal();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, TAG_BYTES));
  }
}
