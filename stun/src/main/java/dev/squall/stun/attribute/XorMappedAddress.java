package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * XOR-MAPPED-ADDRESS (0x0020, RFC 8489 §14.2): the reflexive transport address, obfuscated so that
 * middleboxes rewriting addresses in payloads leave it alone. X-Port is the port XOR the cookie's
 * top 16 bits; X-Address is the IPv4 address XOR the magic cookie, or the IPv6 address XOR the
 * magic cookie followed by the 96-bit transaction ID.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0 0 0 0 0 0 0|    Family     |         X-Port                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                X-Address (Variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param address the clear (un-XORed) resolved socket address
 */
public record XorMappedAddress(InetSocketAddress address) implements StunAttribute {

  public static final int TYPE = 0x0020;

  public XorMappedAddress {
    AddressCodec.check(address);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    AddressCodec.encode(out, address, Objects.requireNonNull(transactionId, "transactionId"));
  }

  static XorMappedAddress decode(ByteReader value, TransactionId transactionId)
      throws StunException {
    return new XorMappedAddress(AddressCodec.decode(value, transactionId, "XOR-MAPPED-ADDRESS"));
  }
}
