package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * EVEN-PORT (0x0018, RFC 8656 §18.8): asks for a relayed port that is even, and with the R bit set
 * also that the next higher port be reserved for a later allocation (RTP/RTCP pairs). The value is
 * one byte; the 7 bits after R are RFFU and ignored.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+
 * |R|    RFFU     |
 * +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param reserveNext the R bit
 */
public record EvenPort(boolean reserveNext) implements StunAttribute {

  public static final int TYPE = 0x0018;

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putU8(reserveNext ? 0x80 : 0);
  }

  static EvenPort decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, 1, "EVEN-PORT");
    return new EvenPort((value.readU8() & 0x80) != 0);
  }
}
