package dev.squall.ice;

import java.nio.ByteBuffer;

/**
 * Application datagrams that look like DTLS records (first byte 23, RFC 7983) and carry a number.
 */
final class Datagrams {

  private Datagrams() {}

  static byte[] numbered(int sequence, int length) {
    byte[] data = new byte[Math.max(5, length)];
    data[0] = 23;
    ByteBuffer.wrap(data, 1, 4).putInt(sequence);
    for (int i = 5; i < data.length; i++) {
      data[i] = (byte) (sequence * 31 + i);
    }
    return data;
  }

  static int sequenceOf(byte[] data) {
    return ByteBuffer.wrap(data, 1, 4).getInt();
  }
}
