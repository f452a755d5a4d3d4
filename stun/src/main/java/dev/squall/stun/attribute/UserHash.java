package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * USERHASH (0x001E, RFC 8489 §14.4): SHA-256 of {@code OpaqueString(username) ":"
 * OpaqueString(realm)}, sent instead of USERNAME when the server offered username anonymity.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   SHA-256 hash (32 bytes)                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param hash the 32-byte hash (copied in and out)
 */
public record UserHash(byte[] hash) implements StunAttribute {

  public static final int TYPE = 0x001E;
  public static final int LENGTH = 32;

  public UserHash {
    Objects.requireNonNull(hash, "hash");
    if (hash.length != LENGTH) {
      throw new IllegalArgumentException("USERHASH must be 32 bytes, not " + hash.length);
    }
    hash = hash.clone();
  }

  @Override
  public byte[] hash() {
    return hash.clone();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putBytes(hash);
  }

  static UserHash decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, LENGTH, "USERHASH");
    return new UserHash(value.readBytes(LENGTH));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UserHash other && Arrays.equals(hash, other.hash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "UserHash[" + HexFormat.of().formatHex(hash) + "]";
  }
}
