package dev.squall.stun;

/**
 * Framing of STUN over a byte stream (TCP, TLS; RFC 8489 §6.2.2): messages are sent back to back
 * and the 16-bit length at offset 2 of each header gives where the next one starts, so a stream
 * decoder needs only the first 4 bytes to know how many to wait for.
 *
 * <pre>
 * |0 0|     STUN Message Type     |         Message Length        |
 * |                  Magic Cookie, Transaction ID (16 bytes)      |
 * </pre>
 */
public final class StunFraming {

  /** The STUN header length: every message is this plus its length field. */
  public static final int HEADER_LENGTH = StunMessage.HEADER_LENGTH;

  /** How many bytes {@link #totalLength} needs to see. */
  public static final int PREFIX_LENGTH = 4;

  /** The longest message the framing can describe. */
  public static final int MAX_MESSAGE_LENGTH = HEADER_LENGTH + StunMessage.MAX_BODY_LENGTH;

  private StunFraming() {}

  /**
   * The total length (header plus attributes) of the message whose header starts at {@code offset},
   * or -1 when fewer than {@link #PREFIX_LENGTH} bytes are {@code available}.
   *
   * @throws StunException when the bytes cannot start a STUN message (the first two bits are not
   *     zero, or the length is not a multiple of 4): the stream has lost its framing
   */
  public static int totalLength(byte[] data, int offset, int available) throws StunException {
    if (data == null || offset < 0 || available < 0 || offset > data.length - available) {
      throw new StunException("bad slice");
    }
    if (available < PREFIX_LENGTH) {
      return -1;
    }
    if ((data[offset] & 0xC0) != 0) {
      throw new StunException("not a STUN message: the first two bits are not zero");
    }
    int bodyLength = ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
    if (bodyLength % 4 != 0) {
      throw new StunException("STUN length " + bodyLength + " is not a multiple of 4");
    }
    return HEADER_LENGTH + bodyLength;
  }
}
