package dev.squall.turn.server.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 addresses an IPv6 address carries, which a relay must judge as if the peer were that
 * IPv4 address (CVE-2026-27624 bypassed a loopback check with {@code ::ffff:127.0.0.1}):
 *
 * <ul>
 *   <li>IPv4-mapped {@code ::ffff:a.b.c.d} and SIIT IPv4-translated {@code ::ffff:0:a.b.c.d} (RFC
 *       4291 §2.5.5.2, RFC 2765);
 *   <li>IPv4-compatible {@code ::a.b.c.d} (deprecated, RFC 4291 §2.5.5.1);
 *   <li>NAT64 well-known prefix {@code 64:ff9b::/96} (RFC 6052);
 *   <li>NAT64 local-use prefix {@code 64:ff9b:1::/48} (RFC 8215): the prefix length in use is not
 *       visible in the address, so the IPv4 address at every RFC 6052 position a /48 prefix allows
 *       (/48, /56, /64, /96) is returned;
 *   <li>6to4 {@code 2002:a.b.c.d::/48} (RFC 3056);
 *   <li>Teredo {@code 2001:0::/32} (RFC 4380): the server's IPv4 address and the client's, which
 *       the last 32 bits carry inverted.
 * </ul>
 *
 * {@code ::} and {@code ::1} are left to their own categories (unspecified and loopback).
 */
public final class EmbeddedIpv4 {

  private EmbeddedIpv4() {}

  /** The embedded IPv4 addresses (4 bytes each) of a 16-byte address; empty for none. */
  public static List<byte[]> of(byte[] a) {
    List<byte[]> out = new ArrayList<>(2);
    if (a.length != 16) {
      return out;
    }
    if (zero(a, 0, 10) && (a[10] & 0xFF) == 0xFF && (a[11] & 0xFF) == 0xFF) {
      out.add(slice(a, 12, 13, 14, 15)); // ::ffff:a.b.c.d
    } else if (zero(a, 0, 8) && (a[8] & 0xFF) == 0xFF && (a[9] & 0xFF) == 0xFF && zero(a, 10, 12)) {
      out.add(slice(a, 12, 13, 14, 15)); // ::ffff:0:a.b.c.d
    } else if (zero(a, 0, 12) && !(zero(a, 12, 15) && (a[15] == 0 || a[15] == 1))) {
      out.add(slice(a, 12, 13, 14, 15)); // ::a.b.c.d (not :: or ::1)
    } else if (u16(a, 0) == 0x0064 && u16(a, 2) == 0xff9b && zero(a, 4, 12)) {
      out.add(slice(a, 12, 13, 14, 15)); // 64:ff9b::/96
    } else if (u16(a, 0) == 0x0064 && u16(a, 2) == 0xff9b && u16(a, 4) == 0x0001) {
      out.add(slice(a, 6, 7, 9, 10)); // /48
      out.add(slice(a, 7, 9, 10, 11)); // /56
      out.add(slice(a, 9, 10, 11, 12)); // /64
      out.add(slice(a, 12, 13, 14, 15)); // /96
    } else if (u16(a, 0) == 0x2002) {
      out.add(slice(a, 2, 3, 4, 5)); // 6to4
    } else if (u16(a, 0) == 0x2001 && u16(a, 2) == 0x0000) {
      out.add(slice(a, 4, 5, 6, 7)); // Teredo server
      byte[] client = slice(a, 12, 13, 14, 15);
      for (int i = 0; i < 4; i++) {
        client[i] = (byte) ~client[i];
      }
      out.add(client);
    }
    return out;
  }

  /** True when {@code a[from, to)} are all zero. */
  static boolean zero(byte[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static int u16(byte[] a, int at) {
    return ((a[at] & 0xFF) << 8) | (a[at + 1] & 0xFF);
  }

  private static byte[] slice(byte[] a, int i, int j, int k, int l) {
    return new byte[] {a[i], a[j], a[k], a[l]};
  }
}
