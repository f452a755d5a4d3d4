package dev.squall.sdp;

import java.util.random.RandomGenerator;

/**
 * ICE username fragment and password, {@code a=ice-ufrag} / {@code a=ice-pwd} (RFC 8839 §5.4).
 *
 * <pre>
 * ice-pwd-att   = "ice-pwd:" password       password = 22*256ice-char
 * ice-ufrag-att = "ice-ufrag:" ufrag        ufrag    = 4*256ice-char
 * ice-char      = ALPHA / DIGIT / "+" / "/"
 * </pre>
 *
 * The constructor enforces those lengths and characters, so credentials built here are always valid
 * to send. (Received credentials are read leniently by {@link SessionDescription} accessors.)
 */
public record IceCredentials(String ufrag, String pwd) {
  private static final String ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /** Length of generated ufrags: 8 ice-chars, 48 random bits (RFC 8839 asks for at least 24). */
  public static final int UFRAG_LENGTH = 8;

  /** Length of generated passwords: 24 ice-chars, 144 random bits (at least 128 are required). */
  public static final int PWD_LENGTH = 24;

  public IceCredentials {
    if (!valid(ufrag, 4) || !valid(pwd, 22)) {
      throw new IllegalArgumentException("ufrag needs 4-256 and pwd 22-256 ice-chars");
    }
  }

  /** Fresh random credentials; pass a {@link java.security.SecureRandom} outside tests. */
  public static IceCredentials random(RandomGenerator random) {
    return new IceCredentials(randomString(random, UFRAG_LENGTH), randomString(random, PWD_LENGTH));
  }

  private static String randomString(RandomGenerator random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
    }
    return sb.toString();
  }

  static boolean valid(String s, int min) {
    if (s == null || s.length() < min || s.length() > 256) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (ICE_CHARS.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
