package dev.squall.testkit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Parses IPv4 literals in tests without ever consulting a resolver. */
final class TestAddresses {

  private TestAddresses() {}

  static InetAddress ipv4(String literal) {
    String[] p = literal.split("\\.");
    byte[] b = new byte[4];
    for (int i = 0; i < 4; i++) {
      b[i] = (byte) Integer.parseInt(p[i]);
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
