package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * XOR-RELAYED-ADDRESS (0x0016, RFC 8656 §18.5): the relayed transport address the server allocated
 * for the client (Allocate success response), obfuscated like XOR-MAPPED-ADDRESS (RFC 8489 §14.2
 * encoding: port XOR the cookie's top 16 bits, address XOR the cookie, and for IPv6 also the
 * transaction ID).
 *
 * @param address the clear (un-XORed) resolved socket address
 */
public record XorRelayedAddress(InetSocketAddress address) implements StunAttribute {

  public static final int TYPE = 0x0016;

  public XorRelayedAddress {
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

  static XorRelayedAddress decode(ByteReader value, TransactionId transactionId)
      throws StunException {
    return new XorRelayedAddress(AddressCodec.decode(value, transactionId, "XOR-RELAYED-ADDRESS"));
  }
}
