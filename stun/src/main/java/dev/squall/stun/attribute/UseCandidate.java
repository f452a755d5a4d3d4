package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * USE-CANDIDATE (0x0025, RFC 8445 §7.1.2, §16.1): the controlling agent nominates the pair this
 * check is sent on. No value (length 0).
 */
public record UseCandidate() implements StunAttribute {

  public static final int TYPE = 0x0025;

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    // no value
  }

  static UseCandidate decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, 0, "USE-CANDIDATE");
    return new UseCandidate();
  }
}
