package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * ADDITIONAL-ADDRESS-FAMILY (0x8000, RFC 8656 §18.11): asks for a second, IPv6 relayed address in
 * the same allocation (only the IPv6 family is meaningful here). Family 0x01 is IPv4, 0x02 IPv6;
 * other values are kept as received so that the server can answer them with 440 (Address Family not
 * Supported).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Family     |            Reserved (must be zero)            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param family the 8-bit family code
 */
public record AdditionalAddressFamily(int family) implements StunAttribute {

  public static final int TYPE = 0x8000;
  public static final int IPV4 = AddressCodec.FAMILY_IPV4;
  public static final int IPV6 = AddressCodec.FAMILY_IPV6;

  public AdditionalAddressFamily {
    if (family < 0 || family > 0xFF) {
      throw new IllegalArgumentException("address family out of 8-bit range: " + family);
    }
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putU8(family);
    out.putU8(0);
    out.putU16(0);
  }

  static AdditionalAddressFamily decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, 4, "ADDITIONAL-ADDRESS-FAMILY");
    int family = value.readU8();
    value.readU8(); // reserved
    value.readU16();
    return new AdditionalAddressFamily(family);
  }
}
