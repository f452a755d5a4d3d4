package dev.squall.signal.internal;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random, URL-safe peer ids (17 characters) and resume tokens (44 characters) of one hub shard: the
 * shard's mark (the base64url digit of its index), then 96 (ids) or 256 (tokens) random bits in
 * base64url. The mark keeps ids of different shards apart and tells which shard a resume token
 * belongs to ({@link #shardOf}).
 */
public final class Ids {

  /** Most shards a hub may have: one base64url digit each. */
  public static final int MAX_SHARDS = 64;

  private static final String DIGITS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private final SecureRandom random = new SecureRandom();
  private final char mark;

  public Ids(int shard) {
    if (shard < 0 || shard >= MAX_SHARDS) {
      throw new IllegalArgumentException("shard index out of range: " + shard);
    }
    this.mark = DIGITS.charAt(shard);
  }

  /** A fresh peer id: the shard mark and 96 random bits, base64url. */
  public String peerId() {
    return mark + random(12);
  }

  /** A fresh resume token: the shard mark and 256 random bits, base64url. */
  public String resumeToken() {
    return mark + random(32);
  }

  /** The shard index an id or token was made by, or -1 when it has no valid mark. */
  public static int shardOf(String idOrToken) {
    return idOrToken == null || idOrToken.isEmpty() ? -1 : DIGITS.indexOf(idOrToken.charAt(0));
  }

  private String random(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
