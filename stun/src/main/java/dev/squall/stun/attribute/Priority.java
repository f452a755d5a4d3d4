package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * PRIORITY (0x0024, RFC 8445 §7.1.1, §16.1): the priority a peer-reflexive candidate learned from
 * this connectivity check would get.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Priority (32 bits, unsigned)              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param priority the unsigned 32-bit priority, 0–0xFFFFFFFF
 */
public record Priority(long priority) implements StunAttribute {

  public static final int TYPE = 0x0024;

  public Priority {
    if (priority < 0 || priority > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("priority out of 32-bit range: " + priority);
    }
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putU32(priority);
  }

  static Priority decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, 4, "PRIORITY");
    return new Priority(value.readU32());
  }
}
