package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * The address value shared by MAPPED-ADDRESS, ALTERNATE-SERVER (plain) and XOR-MAPPED-ADDRESS
 * (obfuscated with the magic cookie and transaction ID, RFC 8489 §14.2):
 *
 * <pre>
 * |0 0 0 0 0 0 0 0|    Family     |           Port                |
 * |                 Address (32 bits or 128 bits)                 |
 * </pre>
 *
 * Family 0x01 is IPv4 (value length 8), 0x02 IPv6 (value length 20).
 */
final class AddressCodec {

  static final int FAMILY_IPV4 = 0x01;
  static final int FAMILY_IPV6 = 0x02;
  private static final int MAGIC_COOKIE = 0x2112A442;

  private AddressCodec() {}

  /** Checks that {@code address} is resolved; returns it. */
  static InetSocketAddress check(InetSocketAddress address) {
    Objects.requireNonNull(address, "address");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("unresolved address " + address);
    }
    return address;
  }

  static void encode(ByteWriter out, InetSocketAddress address, TransactionId xorWith) {
    byte[] ip = address.getAddress().getAddress();
    out.putU8(0);
    out.putU8(ip.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6);
    int port = address.getPort();
    out.putU16(xorWith == null ? port : port ^ (MAGIC_COOKIE >>> 16));
    if (xorWith != null) {
      xor(ip, xorWith);
    }
    out.putBytes(ip);
  }

  static InetSocketAddress decode(ByteReader value, TransactionId xorWith, String name)
      throws StunException {
    if (value.remaining() < 4) {
      throw new StunException(name + " too short: " + value.remaining() + " bytes");
    }
    value.readU8(); // reserved: ignored by receivers
    int family = value.readU8();
    int port = value.readU16();
    int expected =
        switch (family) {
          case FAMILY_IPV4 -> 4;
          case FAMILY_IPV6 -> 16;
          default -> throw new StunException(name + " has unknown address family " + family);
        };
    if (value.remaining() != expected) {
      throw new StunException(name + " has a wrong length for family " + family);
    }
    byte[] ip = value.readBytes(expected);
    if (xorWith != null) {
      port ^= MAGIC_COOKIE >>> 16;
      xor(ip, xorWith);
    }
    try {
      InetAddress inet =
          family == FAMILY_IPV4 ? Inet4Address.getByAddress(ip) : InetAddress.getByAddress(ip);
      return new InetSocketAddress(inet, port);
    } catch (UnknownHostException e) {
      throw new StunException(name + " has a bad address", e);
    }
  }

  /** XORs {@code ip} in place with the magic cookie followed by the transaction ID. */
  private static void xor(byte[] ip, TransactionId tid) {
    for (int i = 0; i < ip.length; i++) {
      int mask = i < 4 ? (MAGIC_COOKIE >>> (24 - 8 * i)) & 0xFF : tid.byteAt(i - 4) & 0xFF;
      ip[i] = (byte) (ip[i] ^ mask);
    }
  }
}
