package dev.squall.testkit;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Seeded payload generator: the same seed gives the same bytes on every run. Numbered payloads
 * carry their sequence number in the first 4 bytes (big-endian) and a body derived from it, so a
 * receiver can tell which one arrived and whether it arrived intact ({@link #verify}).
 */
public final class Payloads {

  private final Random random;

  public Payloads(long seed) {
    this.random = new Random(seed);
  }

  /** {@code length} random bytes. */
  public byte[] bytes(int length) {
    byte[] out = new byte[length];
    random.nextBytes(out);
    return out;
  }

  /** Random bytes of a random length in {@code [minLength, maxLength]}. */
  public byte[] bytes(int minLength, int maxLength) {
    if (minLength < 0 || maxLength < minLength) {
      throw new IllegalArgumentException("bad length range " + minLength + ".." + maxLength);
    }
    return bytes(minLength + random.nextInt(maxLength - minLength + 1));
  }

  /** A random string of {@code length} printable ASCII letters and digits. */
  public String text(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** A payload of {@code length >= 4} bytes numbered {@code sequence}; independent of the seed. */
  public static byte[] numbered(int sequence, int length) {
    if (length < 4) {
      throw new IllegalArgumentException("numbered payloads need 4 bytes: " + length);
    }
    byte[] out = new byte[length];
    ByteBuffer.wrap(out).putInt(sequence);
    byte[] body = new byte[length - 4];
    new Random(sequence).nextBytes(body);
    System.arraycopy(body, 0, out, 4, body.length);
    return out;
  }

  /** The sequence number of a {@link #numbered} payload. */
  public static int sequenceOf(byte[] payload) {
    return ByteBuffer.wrap(payload).getInt();
  }

  /** True when {@code payload} is an intact {@link #numbered} payload. */
  public static boolean verify(byte[] payload) {
    return payload.length >= 4
        && java.util.Arrays.equals(payload, numbered(sequenceOf(payload), payload.length));
  }
}
