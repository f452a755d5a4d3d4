package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * DONT-FRAGMENT (0x001A, RFC 8656 §18.9): asks the server to set the DF bit on the datagrams it
 * relays to the peer. No value (length 0).
 */
public record DontFragment() implements StunAttribute {

  public static final int TYPE = 0x001A;

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    // no value
  }

  static DontFragment decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, 0, "DONT-FRAGMENT");
    return new DontFragment();
  }
}
