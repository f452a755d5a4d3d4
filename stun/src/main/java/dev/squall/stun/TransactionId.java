package dev.squall.stun;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The 96-bit STUN transaction ID (RFC 8489 §6). Immutable; equal when the 12 bytes are equal, so it
 * can key a transaction table. {@link #random()} draws from a {@link SecureRandom} as the RFC
 * requires ("uniformly and randomly"); tests pass a seeded generator to {@link
 * #random(RandomGenerator)}.
 */
public final class TransactionId {

  /** Length in bytes. */
  public static final int LENGTH = 12;

  private final byte[] bytes;

  private TransactionId(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A transaction ID holding a copy of {@code bytes}, which must be 12 bytes long. */
  public static TransactionId of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("transaction id must be 12 bytes, not " + bytes.length);
    }
    return new TransactionId(bytes.clone());
  }

  /** A fresh cryptographically random transaction ID. */
  public static TransactionId random() {
    return random(new SecureRandom());
  }

  /** A random transaction ID drawn from {@code random}. */
  public static TransactionId random(RandomGenerator random) {
    byte[] b = new byte[LENGTH];
    random.nextBytes(b);
    return new TransactionId(b);
  }

  /** A copy of the 12 bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** The byte at {@code index} (0–11). */
  public byte byteAt(int index) {
    return bytes[index];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionId other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
