package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * REQUESTED-TRANSPORT (0x0019, RFC 8656 §18.7): the transport protocol of the relayed address, an
 * IANA protocol number: 17 (UDP) for RFC 8656 allocations, 6 (TCP) for RFC 6062 ones. Other values
 * are kept as received so that the server can answer them with 442 (Unsupported Transport
 * Protocol).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Protocol   |                    RFFU                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param protocol the 8-bit protocol number
 */
public record RequestedTransport(int protocol) implements StunAttribute {

  public static final int TYPE = 0x0019;
  public static final int UDP = 17;
  public static final int TCP = 6;

  public RequestedTransport {
    if (protocol < 0 || protocol > 0xFF) {
      throw new IllegalArgumentException("protocol out of 8-bit range: " + protocol);
    }
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putU8(protocol);
    out.putU8(0);
    out.putU16(0);
  }

  static RequestedTransport decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, 4, "REQUESTED-TRANSPORT");
    int protocol = value.readU8();
    value.readU8(); // RFFU
    value.readU16();
    return new RequestedTransport(protocol);
  }
}
