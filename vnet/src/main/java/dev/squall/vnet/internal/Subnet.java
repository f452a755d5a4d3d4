package dev.squall.vnet.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 prefix such as {@code 192.168.1.0/24}, with the int arithmetic the virtual network uses
 * to hand out addresses.
 *
 * @param base the network address as an int (host bits zero)
 * @param prefixLength 8..30
 */
public record Subnet(int base, int prefixLength) {

  public Subnet {
    if (prefixLength < 8 || prefixLength > 30) {
      throw new IllegalArgumentException("prefix length out of 8..30: " + prefixLength);
    }
    if ((base & ~mask(prefixLength)) != 0) {
      throw new IllegalArgumentException(
          "host bits set in " + toAddress(base) + "/" + prefixLength);
    }
  }

  /** Parses {@code a.b.c.d/n}. */
  public static Subnet parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR prefix: " + cidr);
    }
    return new Subnet(
        toInt(parseAddress(cidr.substring(0, slash))), Integer.parseInt(cidr.substring(slash + 1)));
  }

  /** True when {@code ip} lies in this prefix. */
  public boolean contains(InetAddress ip) {
    return ip instanceof Inet4Address && (toInt(ip) & mask(prefixLength)) == base;
  }

  /** The {@code n}-th address of the prefix (1 is the first usable one). */
  public InetAddress address(int n) {
    if (n < 1 || n >= size() - 1) {
      throw new IllegalStateException("subnet " + this + " has no address number " + n);
    }
    return toAddress(base + n);
  }

  /** Number of addresses, network and broadcast included. */
  public int size() {
    return 1 << (32 - prefixLength);
  }

  @Override
  public String toString() {
    return toAddress(base).getHostAddress() + "/" + prefixLength;
  }

  /** Parses a dotted IPv4 literal (never a host name: no resolver is ever consulted). */
  public static InetAddress parseAddress(String literal) {
    String[] parts = literal.trim().split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 literal: " + literal);
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      int v = Integer.parseInt(parts[i]);
      if (v < 0 || v > 255) {
        throw new IllegalArgumentException("not an IPv4 literal: " + literal);
      }
      bytes[i] = (byte) v;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  public static int toInt(InetAddress ip) {
    byte[] b = ip.getAddress();
    if (b.length != 4) {
      throw new IllegalArgumentException("not IPv4: " + ip);
    }
    return (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
  }

  public static InetAddress toAddress(int ip) {
    try {
      return InetAddress.getByAddress(
          new byte[] {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static int mask(int prefixLength) {
    return (int) (0xffffffffL << (32 - prefixLength));
  }
}
