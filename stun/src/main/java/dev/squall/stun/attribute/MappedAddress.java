package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.net.InetSocketAddress;

/**
 * MAPPED-ADDRESS (0x0001, RFC 8489 §14.1): the reflexive transport address in clear, kept for RFC
 * 3489 compatibility.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 0 0 0 0 0|    Family     |           Port                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Address (32 bits or 128 bits)                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param address a resolved IPv4 or IPv6 socket address
 */
public record MappedAddress(InetSocketAddress address) implements StunAttribute {

  public static final int TYPE = 0x0001;

  public MappedAddress {
    AddressCodec.check(address);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    AddressCodec.encode(out, address, null);
  }

  static MappedAddress decode(ByteReader value) throws StunException {
    return new MappedAddress(AddressCodec.decode(value, null, "MAPPED-ADDRESS"));
  }
}
