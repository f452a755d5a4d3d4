package dev.squall.stun;

import dev.squall.stun.attribute.PasswordAlgorithm;
import dev.squall.stun.internal.MessageAuth;
import dev.squall.stun.internal.SaslPrep;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Keys for MESSAGE-INTEGRITY and MESSAGE-INTEGRITY-SHA256 (RFC 8489 §9).
 *
 * <ul>
 *   <li>Short-term (§9.1.2, as ICE uses it): the UTF-8 bytes of the password. No preparation is
 *       applied: ICE passwords are ice-chars (ASCII), on which OpaqueString is the identity.
 *   <li>Long-term (§9.2.2): {@code MD5(username ":" realm ":" password)} (or SHA-256 when
 *       PASSWORD-ALGORITHM says so), realm and password prepared with {@link #prepare}, the
 *       username taken as given.
 * </ul>
 *
 * <p>{@link #prepare} is a SASLprep subset (RFC 4013), which is what the RFC 5769 §2.4 vector needs
 * (it maps {@code "The\u00ADM\u00AAtr\u2168"} to {@code "TheMatrIX"}); RFC 8489 names the
 * OpaqueString profile (RFC 8265), which agrees on ASCII. Not implemented: the bidi rule and the
 * unassigned-code-point check. See {@code SaslPrep} for the details.
 */
public final class StunCredentials {

  private StunCredentials() {}

  /** The short-term key: the password's UTF-8 bytes. */
  public static byte[] shortTermKey(String password) {
    return password.getBytes(StandardCharsets.UTF_8);
  }

  /** The long-term key with the default algorithm, MD5 (16 bytes). */
  public static byte[] longTermKey(String username, String realm, String password) {
    return longTermKey(PasswordAlgorithm.MD5, username, realm, password);
  }

  /**
   * The long-term key for {@link PasswordAlgorithm#MD5} (16 bytes) or {@link
   * PasswordAlgorithm#SHA256} (32 bytes).
   *
   * @throws IllegalArgumentException for another algorithm or a prohibited character
   */
  public static byte[] longTermKey(int algorithm, String username, String realm, String password) {
    MessageDigest digest =
        switch (algorithm) {
          case PasswordAlgorithm.MD5 -> MessageAuth.digest("MD5");
          case PasswordAlgorithm.SHA256 -> MessageAuth.digest("SHA-256");
          default -> throw new IllegalArgumentException("unknown password algorithm " + algorithm);
        };
    String input = username + ":" + prepare(realm) + ":" + prepare(password);
    return digest.digest(input.getBytes(StandardCharsets.UTF_8));
  }

  /** The USERHASH value (RFC 8489 §14.4): SHA-256 of {@code username ":" realm}, realm prepared. */
  public static byte[] userHash(String username, String realm) {
    String input = username + ":" + prepare(realm);
    return MessageAuth.digest("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
  }

  /** Prepares a realm or password (SASLprep subset; see the class comment). */
  public static String prepare(String value) {
    return SaslPrep.prepare(value);
  }
}
