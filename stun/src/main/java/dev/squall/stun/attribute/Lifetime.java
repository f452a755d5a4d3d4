package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * LIFETIME (0x000D, RFC 8656 §18.2): the seconds an allocation should live (request) or will live
 * (response) without a refresh. Zero in a Refresh request deletes the allocation.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Lifetime                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param seconds the unsigned 32-bit lifetime in seconds
 */
public record Lifetime(long seconds) implements StunAttribute {

  public static final int TYPE = 0x000D;

  public Lifetime {
    if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("lifetime out of 32-bit range: " + seconds);
    }
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putU32(seconds);
  }

  static Lifetime decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, 4, "LIFETIME");
    return new Lifetime(value.readU32());
  }
}
