package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * UNKNOWN-ATTRIBUTES (0x000A, RFC 8489 §14.13): in a 420 (Unknown Attribute) error response, the
 * comprehension-required attribute types the server did not understand, 16 bits each (the value is
 * padded like any other when the count is odd).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Attribute 1 Type         |       Attribute 2 Type        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Attribute 3 Type         |       Attribute 4 Type    ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param types the attribute type codes, each 0–0xFFFF (at most 32,767 of them)
 */
public record UnknownAttributes(List<Integer> types) implements StunAttribute {

  public static final int TYPE = 0x000A;

  public UnknownAttributes {
    types = List.copyOf(types);
    if (types.size() > 0xFFFF / 2) {
      throw new IllegalArgumentException("too many attribute types: " + types.size());
    }
    for (int t : types) {
      if (t < 0 || t > 0xFFFF) {
        throw new IllegalArgumentException("attribute type out of range: " + t);
      }
    }
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    for (int t : types) {
      out.putU16(t);
    }
  }

  static UnknownAttributes decode(ByteReader value) throws StunException {
    if (value.remaining() % 2 != 0) {
      throw new StunException("UNKNOWN-ATTRIBUTES length is odd: " + value.remaining());
    }
    List<Integer> types = new ArrayList<>(value.remaining() / 2);
    while (value.hasRemaining()) {
      types.add(value.readU16());
    }
    return new UnknownAttributes(types);
  }
}
