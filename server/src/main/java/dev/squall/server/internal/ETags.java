package dev.squall.server.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Strong entity tags derived from content (SHA-256, first 16 bytes, base64url, quoted). */
final class ETags {

  private ETags() {}

  static String of(byte[] content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
      byte[] head = java.util.Arrays.copyOf(digest, 16);
      return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(head) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
