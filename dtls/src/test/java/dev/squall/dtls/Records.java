package dev.squall.dtls;

/**
 * Reads the plaintext DTLS record header (RFC 6347 section 4.1) and, for unencrypted handshake
 * records, the handshake header (section 4.2.2), so tests can recognise flights on the wire.
 *
 * <pre>
 * record:    type(1) version(2) epoch(2) sequence_number(6) length(2) fragment(length)
 * handshake: msg_type(1) length(3) message_seq(2) fragment_offset(3) fragment_length(3) body
 * </pre>
 */
final class Records {
  static final int CHANGE_CIPHER_SPEC = 20;
  static final int ALERT = 21;
  static final int HANDSHAKE = 22;
  static final int APPLICATION_DATA = 23;
  static final int CLIENT_HELLO = 1;
  static final int SERVER_HELLO = 2;
  static final int CERTIFICATE = 11;
  static final int SERVER_KEY_EXCHANGE = 12;
  static final int CERTIFICATE_REQUEST = 13;
  static final int SERVER_HELLO_DONE = 14;
  static final int CERTIFICATE_VERIFY = 15;
  static final int CLIENT_KEY_EXCHANGE = 16;

  private Records() {}

  static int contentType(byte[] datagram) {
    return datagram.length < 13 ? -1 : datagram[0] & 0xFF;
  }

  static int epoch(byte[] datagram) {
    return ((datagram[3] & 0xFF) << 8) | (datagram[4] & 0xFF);
  }

  /** The handshake message type of the first record when it is an epoch-0 handshake, else -1. */
  static int handshakeType(byte[] datagram) {
    if (contentType(datagram) != HANDSHAKE || epoch(datagram) != 0 || datagram.length < 14) {
      return -1;
    }
    return datagram[13] & 0xFF;
  }

  /**
   * True when any epoch-0 handshake record in the datagram starts a message of {@code msgType}
   * (flights are packed: several records per datagram).
   */
  static boolean containsHandshake(byte[] datagram, int msgType) {
    int offset = 0;
    while (offset + 14 <= datagram.length) {
      int length = ((datagram[offset + 11] & 0xFF) << 8) | (datagram[offset + 12] & 0xFF);
      int epoch = ((datagram[offset + 3] & 0xFF) << 8) | (datagram[offset + 4] & 0xFF);
      if ((datagram[offset] & 0xFF) == HANDSHAKE
          && epoch == 0
          && (datagram[offset + 13] & 0xFF) == msgType) {
        return true;
      }
      offset += 13 + length;
    }
    return false;
  }

  /**
   * The end offset (exclusive) of the first epoch-0 handshake record in the datagram that starts a
   * message of {@code msgType}, or -1.
   */
  static int handshakeRecordEnd(byte[] datagram, int msgType) {
    int offset = 0;
    while (offset + 14 <= datagram.length) {
      int length = ((datagram[offset + 11] & 0xFF) << 8) | (datagram[offset + 12] & 0xFF);
      int epoch = ((datagram[offset + 3] & 0xFF) << 8) | (datagram[offset + 4] & 0xFF);
      if ((datagram[offset] & 0xFF) == HANDSHAKE
          && epoch == 0
          && (datagram[offset + 13] & 0xFF) == msgType) {
        return offset + 13 + length;
      }
      offset += 13 + length;
    }
    return -1;
  }

  /** The number of records in the datagram. */
  static int recordCount(byte[] datagram) {
    int offset = 0;
    int count = 0;
    while (offset + 13 <= datagram.length) {
      offset += 13 + (((datagram[offset + 11] & 0xFF) << 8) | (datagram[offset + 12] & 0xFF));
      count++;
    }
    return count;
  }

  /** True when any record in the datagram has {@code type}. */
  static boolean containsType(byte[] datagram, int type) {
    int offset = 0;
    while (offset + 13 <= datagram.length) {
      int length = ((datagram[offset + 11] & 0xFF) << 8) | (datagram[offset + 12] & 0xFF);
      if ((datagram[offset] & 0xFF) == type) {
        return true;
      }
      offset += 13 + length;
    }
    return false;
  }

  /** An encrypted (epoch 1) handshake record: the Finished message. */
  static boolean isFinished(byte[] datagram) {
    int offset = 0;
    while (offset + 13 <= datagram.length) {
      int length = ((datagram[offset + 11] & 0xFF) << 8) | (datagram[offset + 12] & 0xFF);
      int epoch = ((datagram[offset + 3] & 0xFF) << 8) | (datagram[offset + 4] & 0xFF);
      if ((datagram[offset] & 0xFF) == HANDSHAKE && epoch == 1) {
        return true;
      }
      offset += 13 + length;
    }
    return false;
  }
}
