package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * REQUESTED-ADDRESS-FAMILY (0x0017, RFC 8656 §18.6): the address family of the relayed address a
 * client asks for in an Allocate request. Family 0x01 is IPv4, 0x02 IPv6; other values are kept as
 * received so that the server can answer them with 440 (Address Family not Supported).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Family     |            Reserved (must be zero)            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param family the 8-bit family code
 */
public record RequestedAddressFamily(int family) implements StunAttribute {

  public static final int TYPE = 0x0017;
  public static final int IPV4 = AddressCodec.FAMILY_IPV4;
  public static final int IPV6 = AddressCodec.FAMILY_IPV6;

  public RequestedAddressFamily {
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

  static RequestedAddressFamily decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, 4, "REQUESTED-ADDRESS-FAMILY");
    int family = value.readU8();
    value.readU8(); // reserved
    value.readU16();
    return new RequestedAddressFamily(family);
  }
}
