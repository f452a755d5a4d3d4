package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.net.InetSocketAddress;

/**
 * ALTERNATE-SERVER (0x8023, RFC 8489 §14.15): the server a 300 (Try Alternate) response points to.
 * Same encoding as MAPPED-ADDRESS, not XORed.
 *
 * <pre>
 * |0 0 0 0 0 0 0 0|    Family     |           Port                |
 * |                 Address (32 bits or 128 bits)                 |
 * </pre>
 *
 * @param address a resolved IPv4 or IPv6 socket address
 */
public record AlternateServer(InetSocketAddress address) implements StunAttribute {

  public static final int TYPE = 0x8023;

  public AlternateServer {
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

  static AlternateServer decode(ByteReader value) throws StunException {
    return new AlternateServer(AddressCodec.decode(value, null, "ALTERNATE-SERVER"));
  }
}
