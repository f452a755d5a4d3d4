package dev.squall.bench.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Hand-built STUN Binding requests and a minimal success-response check (RFC 8489), independent of
 * the codec under test so the load generator measures servers, not our own decoder.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Magic Cookie                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Transaction ID (96 bits)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The generator's transaction id is {@code nonce(4) | socket(2) | slot(2) | sequence(4)}, so a
 * response is matched to its request slot without a map lookup.
 */
final class BindingWire {
  static final int HEADER_LENGTH = 20;
  static final int BINDING_REQUEST = 0x0001;
  static final int BINDING_SUCCESS = 0x0101;
  static final int MAGIC_COOKIE = 0x2112A442;
  static final int XOR_MAPPED_ADDRESS = 0x0020;

  private BindingWire() {}

  /** Writes a 20-byte Binding request without attributes into {@code buf} (position 0, flipped). */
  static void writeRequest(ByteBuffer buf, int nonce, int socket, int slot, int sequence) {
    buf.clear();
    buf.putShort((short) BINDING_REQUEST);
    buf.putShort((short) 0);
    buf.putInt(MAGIC_COOKIE);
    buf.putInt(nonce);
    buf.putShort((short) socket);
    buf.putShort((short) slot);
    buf.putInt(sequence);
    buf.flip();
  }

  /** True when {@code buf} (from position 0) holds a Binding success header with our nonce. */
  static boolean isOurSuccess(ByteBuffer buf, int nonce) {
    return buf.limit() >= HEADER_LENGTH
        && (buf.getShort(0) & 0xFFFF) == BINDING_SUCCESS
        && (buf.getShort(2) & 0xFFFF) == buf.limit() - HEADER_LENGTH
        && buf.getInt(4) == MAGIC_COOKIE
        && buf.getInt(8) == nonce;
  }

  static int socketOf(ByteBuffer buf) {
    return buf.getShort(12) & 0xFFFF;
  }

  static int slotOf(ByteBuffer buf) {
    return buf.getShort(14) & 0xFFFF;
  }

  static int sequenceOf(ByteBuffer buf) {
    return buf.getInt(16);
  }

  /**
   * The XOR-MAPPED-ADDRESS (RFC 8489 section 14.2) of a response, or null when absent or malformed.
   * Only IPv4 is decoded: the generator runs on 127.0.0.1.
   */
  static InetSocketAddress xorMappedAddress(ByteBuffer buf) {
    int pos = HEADER_LENGTH;
    int end = buf.limit();
    while (pos + 4 <= end) {
      int type = buf.getShort(pos) & 0xFFFF;
      int length = buf.getShort(pos + 2) & 0xFFFF;
      int value = pos + 4;
      if (value + length > end) {
        return null;
      }
      if (type == XOR_MAPPED_ADDRESS && length == 8 && buf.get(value + 1) == 0x01) {
        int port = (buf.getShort(value + 2) & 0xFFFF) ^ (MAGIC_COOKIE >>> 16);
        int ip = buf.getInt(value + 4) ^ MAGIC_COOKIE;
        byte[] addr = {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
        try {
          return new InetSocketAddress(InetAddress.getByAddress(addr), port);
        } catch (UnknownHostException e) {
          return null;
        }
      }
      pos = value + ((length + 3) & ~3);
    }
    return null;
  }
}
