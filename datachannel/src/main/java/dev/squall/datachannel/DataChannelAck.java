package dev.squall.datachannel;

/**
 * DATA_CHANNEL_ACK (RFC 8832 §5.2), the answer to a DATA_CHANNEL_OPEN on the same stream, PPID 50.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Message Type |
 * +-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Message Type is 0x02; the message is that single byte.
 */
public record DataChannelAck() {

  public static final int MESSAGE_TYPE = 0x02;

  public byte[] encode() {
    return new byte[] {MESSAGE_TYPE};
  }

  /**
   * @throws DataChannelException unless {@code data} is exactly the one-byte ACK
   */
  public static DataChannelAck decode(byte[] data) throws DataChannelException {
    if (data == null || data.length != 1) {
      throw new DataChannelException("DATA_CHANNEL_ACK must be 1 byte");
    }
    if ((data[0] & 0xFF) != MESSAGE_TYPE) {
      throw new DataChannelException("not DATA_CHANNEL_ACK: message type " + (data[0] & 0xFF));
    }
    return new DataChannelAck();
  }
}
