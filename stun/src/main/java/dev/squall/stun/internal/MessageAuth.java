package dev.squall.stun.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The integrity and fingerprint computations of RFC 8489 §14.5, §14.6 and §14.7, over a prefix of
 * an encoded message whose 16-bit length field (bytes 2–3) is replaced by {@code lengthField} while
 * hashing, as the RFC requires. Uses only the JDK's {@link Mac} and {@link CRC32}.
 */
public final class MessageAuth {

  /** XORed into the CRC-32 of the message to form FINGERPRINT (the ASCII bytes "STUN"). */
  public static final int FINGERPRINT_XOR = 0x5354554e;

  private MessageAuth() {}

  /**
   * HMAC-SHA1 of {@code message[0, prefixLength)} with the length field set to {@code lengthField}.
   */
  public static byte[] hmacSha1(byte[] key, byte[] message, int prefixLength, int lengthField) {
    return hmac("HmacSHA1", key, message, prefixLength, lengthField);
  }

  /**
   * HMAC-SHA256 of {@code message[0, prefixLength)} with the length field set to {@code
   * lengthField}.
   */
  public static byte[] hmacSha256(byte[] key, byte[] message, int prefixLength, int lengthField) {
    return hmac("HmacSHA256", key, message, prefixLength, lengthField);
  }

  /**
   * The FINGERPRINT value: CRC-32 of {@code message[0, prefixLength)} (whose length field must
   * already count the FINGERPRINT attribute) XOR 0x5354554e.
   */
  public static int fingerprint(byte[] message, int prefixLength) {
    CRC32 crc = new CRC32();
    crc.update(message, 0, prefixLength);
    return (int) crc.getValue() ^ FINGERPRINT_XOR;
  }

  /** Constant-time comparison of {@code expected} with the start of {@code actual}. */
  public static boolean equalsPrefix(byte[] expected, byte[] actual, int length) {
    if (length > expected.length || length > actual.length) {
      return false;
    }
    byte[] a = expected.length == length ? expected : java.util.Arrays.copyOf(expected, length);
    byte[] b = actual.length == length ? actual : java.util.Arrays.copyOf(actual, length);
    return MessageDigest.isEqual(a, b);
  }

  /** A digest by JDK name ("MD5", "SHA-256"); every JDK ships both. */
  public static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks " + algorithm, e);
    }
  }

  private static byte[] hmac(
      String algorithm, byte[] key, byte[] message, int prefixLength, int lengthField) {
    if (key.length == 0) {
      throw new IllegalArgumentException("empty integrity key");
    }
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      mac.update(message, 0, 2);
      mac.update((byte) (lengthField >>> 8));
      mac.update((byte) lengthField);
      mac.update(message, 4, prefixLength - 4);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JDK lacks " + algorithm, e);
    }
  }
}
