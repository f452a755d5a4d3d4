package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * FINGERPRINT (0x8028, RFC 8489 §14.7): CRC-32 of the message up to this attribute, XOR 0x5354554e.
 * When present it is the last attribute and the header length counts it. {@code
 * StunMessageBuilder.addFingerprint} computes it; {@code StunMessage.verifyFingerprint} checks it.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 CRC-32 XOR 0x5354554e (32 bits)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param value the 32-bit value as it appears on the wire
 */
public record Fingerprint(int value) implements StunAttribute {

  public static final int TYPE = 0x8028;
  public static final int LENGTH = 4;

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putI32(value);
  }

  static Fingerprint decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, LENGTH, "FINGERPRINT");
    return new Fingerprint(value.readI32());
  }

  @Override
  public String toString() {
    return String.format("Fingerprint[0x%08x]", value);
  }
}
