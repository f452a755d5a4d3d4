package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * MESSAGE-INTEGRITY (0x0008, RFC 8489 §14.5): HMAC-SHA1 (20 bytes) over the message up to this
 * attribute, with the header length field counting up to and including it. This record only holds
 * the value: {@code StunMessageBuilder.addMessageIntegrity} computes it and {@code
 * StunMessage.verifyIntegrity} checks it.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   HMAC-SHA1 (20 bytes)                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param hmac the 20-byte HMAC (copied in and out)
 */
public record MessageIntegrity(byte[] hmac) implements StunAttribute {

  public static final int TYPE = 0x0008;
  public static final int LENGTH = 20;

  public MessageIntegrity {
    Objects.requireNonNull(hmac, "hmac");
    if (hmac.length != LENGTH) {
      throw new IllegalArgumentException("MESSAGE-INTEGRITY must be 20 bytes, not " + hmac.length);
    }
    hmac = hmac.clone();
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

  static MessageIntegrity decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, LENGTH, "MESSAGE-INTEGRITY");
    return new MessageIntegrity(value.readBytes(LENGTH));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageIntegrity other && Arrays.equals(hmac, other.hmac);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(hmac);
  }

  @Override
  public String toString() {
    return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
  }
}
