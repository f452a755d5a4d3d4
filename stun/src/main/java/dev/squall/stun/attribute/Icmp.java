package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * ICMP (0x8004, RFC 8656 §18.13): in a Data indication, the ICMP error the server received for a
 * datagram it relayed to the peer.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Reserved            |  ICMP Type    |  ICMP Code    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Error Data                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param icmpType the 8-bit ICMP type
 * @param icmpCode the 8-bit ICMP code
 * @param errorData the unsigned 32-bit error data (e.g. the next-hop MTU)
 */
public record Icmp(int icmpType, int icmpCode, long errorData) implements StunAttribute {

  public static final int TYPE = 0x8004;

  public Icmp {
    if (icmpType < 0 || icmpType > 0xFF || icmpCode < 0 || icmpCode > 0xFF) {
      throw new IllegalArgumentException("ICMP type/code out of 8-bit range");
    }
    if (errorData < 0 || errorData > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("ICMP error data out of 32-bit range");
    }
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putU16(0);
    out.putU8(icmpType);
    out.putU8(icmpCode);
    out.putU32(errorData);
  }

  static Icmp decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, 8, "ICMP");
    value.readU16(); // reserved
    return new Icmp(value.readU8(), value.readU8(), value.readU32());
  }
}
