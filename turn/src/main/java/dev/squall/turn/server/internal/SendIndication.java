package dev.squall.turn.server.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.zip.CRC32;

/**
 * Reads a Send indication (RFC 8656 §10.2) in place, without decoding it into a {@code
 * StunMessage}: the XOR-PEER-ADDRESS and where the DATA value lies in the array, so that the
 * datagram goes to the peer with a single copy (into the socket's buffer). Checks what the full
 * decoder would: the STUN header, attribute lengths within the message, the FINGERPRINT when
 * present, and no unknown comprehension-required attribute (an indication cannot be answered with
 * 420, so such a message is dropped).
 *
 * <p>Reused for every message of a shard: {@link #parse} fills the fields. Not thread-safe.
 */
public final class SendIndication {

  /** The message type of a Send indication (method 0x006, class indication). */
  public static final int TYPE = 0x0016;

  private static final int MAGIC_COOKIE = 0x2112A442;
  private static final int XOR_PEER_ADDRESS = 0x0012;
  private static final int DATA = 0x0013;
  private static final int DONT_FRAGMENT = 0x001A;
  private static final int FINGERPRINT = 0x8028;
  private static final int MESSAGE_INTEGRITY = 0x0008;
  private static final int MESSAGE_INTEGRITY_SHA256 = 0x001C;

  private InetSocketAddress peer;
  private int dataOffset;
  private int dataLength;

  /** True when the first two bytes announce a Send indication. */
  public static boolean isSendIndication(byte[] m) {
    return m.length >= 2 && (((m[0] & 0xFF) << 8) | (m[1] & 0xFF)) == TYPE;
  }

  /**
   * Parses {@code m}; true when it is a well-formed Send indication with XOR-PEER-ADDRESS and DATA,
   * whose values are then in {@link #peer()}, {@link #dataOffset()} and {@link #dataLength()}.
   */
  public boolean parse(byte[] m) {
    peer = null;
    dataOffset = -1;
    dataLength = -1;
    int n = m.length;
    if (n < 20 || u16(m, 0) != TYPE || (u16(m, 2) & 3) != 0 || u16(m, 2) != n - 20) {
      return false;
    }
    if (i32(m, 4) != MAGIC_COOKIE) {
      return false;
    }
    int at = 20;
    boolean afterIntegrity = false;
    while (at < n) {
      if (n - at < 4) {
        return false;
      }
      int type = u16(m, at);
      int length = u16(m, at + 2);
      int value = at + 4;
      int padded = (length + 3) & ~3;
      if (padded > n - value) {
        return false;
      }
      if (type == FINGERPRINT) {
        if (length != 4 || value + 4 != n || !fingerprintMatches(m, at)) {
          return false;
        }
      } else if (!afterIntegrity) {
        switch (type) {
          case XOR_PEER_ADDRESS -> {
            if (peer == null && !readPeer(m, value, length)) {
              return false;
            }
          }
          case DATA -> {
            if (dataOffset < 0) {
              dataOffset = value;
              dataLength = length;
            }
          }
          case MESSAGE_INTEGRITY, MESSAGE_INTEGRITY_SHA256 -> afterIntegrity = true;
          case DONT_FRAGMENT -> {
            // accepted; the relay cannot set DF portably
          }
          default -> {
            if ((type & 0x8000) == 0) {
              return false; // unknown comprehension-required attribute
            }
          }
        }
      }
      at = value + padded;
    }
    return peer != null && dataOffset >= 0;
  }

  public InetSocketAddress peer() {
    return peer;
  }

  public int dataOffset() {
    return dataOffset;
  }

  public int dataLength() {
    return dataLength;
  }

  private boolean readPeer(byte[] m, int at, int length) {
    int family = m[at + 1] & 0xFF;
    int ipLength = family == 1 ? 4 : family == 2 ? 16 : -1;
    if (ipLength < 0 || length != 4 + ipLength) {
      return false;
    }
    int port = u16(m, at + 2) ^ (MAGIC_COOKIE >>> 16);
    byte[] ip = new byte[ipLength];
    for (int i = 0; i < ipLength; i++) {
      // the cookie, then the transaction ID (bytes 8-19 of the header)
      ip[i] = (byte) (m[at + 4 + i] ^ m[4 + i]);
    }
    try {
      peer = new InetSocketAddress(InetAddress.getByAddress(ip), port);
    } catch (UnknownHostException e) {
      return false;
    }
    return true;
  }

  private static boolean fingerprintMatches(byte[] m, int at) {
    CRC32 crc = new CRC32();
    crc.update(m, 0, at);
    int expected = (int) crc.getValue() ^ 0x5354554e;
    return i32(m, at + 4) == expected;
  }

  private static int u16(byte[] m, int at) {
    return ((m[at] & 0xFF) << 8) | (m[at + 1] & 0xFF);
  }

  private static int i32(byte[] m, int at) {
    return (u16(m, at) << 16) | u16(m, at + 2);
  }
}
