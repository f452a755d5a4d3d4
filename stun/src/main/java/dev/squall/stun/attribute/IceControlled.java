package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * ICE-CONTROLLED (0x8029, RFC 8445 §7.1.3, §16.1): the sender believes it is in the controlled
 * role; the 64-bit tie-breaker resolves role conflicts.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Tie-breaker (64 bits)                      |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param tieBreaker the tie-breaker, compared as an unsigned 64-bit number
 */
public record IceControlled(long tieBreaker) implements StunAttribute {

  public static final int TYPE = 0x8029;

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putI64(tieBreaker);
  }

  static IceControlled decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, 8, "ICE-CONTROLLED");
    return new IceControlled(value.readI64());
  }
}
