package dev.squall.ice;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The short-term credentials of one ICE session (RFC 8445 §5.3, RFC 8839 §5.4): the username
 * fragment and password, each made of ice-chars; ufrag 4–256 and pwd 22–256 characters.
 */
public record IceCredentials(String ufrag, String pwd) {

  private static final String ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  public IceCredentials {
    check(ufrag, 4, "ufrag");
    check(pwd, 22, "pwd");
  }

  /** Fresh credentials: an 8-character ufrag and a 24-character pwd (144 bits). */
  public static IceCredentials random(RandomGenerator random) {
    return new IceCredentials(chars(random, 8), chars(random, 24));
  }

  private static String chars(RandomGenerator random, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
    }
    return b.toString();
  }

  private static void check(String value, int min, String what) {
    Objects.requireNonNull(value, what);
    if (value.length() < min || value.length() > 256) {
      throw new IllegalArgumentException(what + " must have " + min + "-256 characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (ICE_CHARS.indexOf(value.charAt(i)) < 0) {
        throw new IllegalArgumentException(what + " has a character that is not an ice-char");
      }
    }
  }

  @Override
  public String toString() {
    return "IceCredentials[ufrag=" + ufrag + "]";
  }
}
