package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * MESSAGE-INTEGRITY-SHA256 (0x001C, RFC 8489 §14.6): HMAC-SHA256 over the message up to this
 * attribute, with the length field adjusted as for MESSAGE-INTEGRITY. The value may be truncated to
 * its leading bytes: 16 to 32 bytes, a multiple of 4.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  HMAC-SHA256 (16 to 32 bytes)              ....
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param hmac the (possibly truncated) HMAC (copied in and out)
 */
public record MessageIntegritySha256(byte[] hmac) implements StunAttribute {

  public static final int TYPE = 0x001C;
  public static final int MIN_LENGTH = 16;
  public static final int MAX_LENGTH = 32;

  public MessageIntegritySha256 {
    Objects.requireNonNull(hmac, "hmac");
    if (!validLength(hmac.length)) {
      throw new IllegalArgumentException(
          "MESSAGE-INTEGRITY-SHA256 must be 16-32 bytes, a multiple of 4, not " + hmac.length);
    }
    hmac = hmac.clone();
  }

  /** True for 16, 20, 24, 28 and 32. */
  public static boolean validLength(int length) {
    return length >= MIN_LENGTH && length <= MAX_LENGTH && length % 4 == 0;
  }

  @Override
  public byte[] hmac() {
    return hmac.clone();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putBytes(hmac);
  }

  static MessageIntegritySha256 decode(ByteReader value) throws StunException {
    if (!validLength(value.remaining())) {
      throw new StunException("MESSAGE-INTEGRITY-SHA256 has a bad length " + value.remaining());
    }
    return new MessageIntegritySha256(value.readBytes(value.remaining()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageIntegritySha256 other && Arrays.equals(hmac, other.hmac);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hmac);
  }

  @Override
  public String toString() {
    return "MessageIntegritySha256[" + HexFormat.of().formatHex(hmac) + "]";
  }
}
