package dev.squall.signal.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, URL-safe peer ids (16 characters) and resume tokens (43 characters). */
public final class Ids {

  private final SecureRandom random = new SecureRandom();

  /** A fresh peer id: 96 random bits, base64url. */
  public String peerId() {
    return random(12);
  }

  /** A fresh resume token: 256 random bits, base64url. */
  public String resumeToken() {
    return random(32);
  }

  private String random(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
