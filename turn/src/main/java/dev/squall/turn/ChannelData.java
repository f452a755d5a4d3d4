package dev.squall.turn;

import java.util.Arrays;
import java.util.Objects;

/**
 * A ChannelData message (RFC 8656 §12.4): application data on a bound channel with a 4-byte header
 * instead of a 36-byte Send or Data indication.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Channel Number        |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                       Application Data                        /
 * +-------------------------------+
 * </pre>
 *
 * The channel number is 0x4000–0x4FFF (first two bits 01, which tells ChannelData apart from STUN
 * on a shared socket, RFC 7983). Over TCP and TLS the message is padded to a multiple of 4 bytes
 * (the padding is not counted in Length); over UDP padding is optional and a receiver accepts both.
 * The static methods read and write the header in place, for relays that must not copy.
 *
 * @param channel the channel number, 0x4000–0x4FFF
 * @param data the application data, 0–65,535 bytes (copied in and out)
 */
public record ChannelData(int channel, byte[] data) {

  /** The header length in bytes. */
  public static final int HEADER_LENGTH = 4;

  public ChannelData {
    if (!isValidChannel(channel)) {
      throw new IllegalArgumentException("channel number outside 0x4000-0x4FFF: " + channel);
    }
    Objects.requireNonNull(data, "data");
    if (data.length > 0xFFFF) {
      throw new IllegalArgumentException("ChannelData longer than 65535 bytes: " + data.length);
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** True when {@code channel} is a number a client may bind (0x4000–0x4FFF). */
  public static boolean isValidChannel(int channel) {
    return channel >= 0x4000 && channel <= 0x4FFF;
  }

  /**
   * True when the first byte marks a ChannelData message (RFC 7983: 64–79). Says nothing about
   * whether the rest is well-formed; use {@link #decode} or {@link #payloadLength} for that.
   */
  public static boolean looksLikeChannelData(byte[] message, int offset, int length) {
    return length >= 1 && (message[offset] & 0xF0) == 0x40;
  }

  /**
   * The Length field of a well-formed message in {@code message[offset, offset + length)}, or -1
   * when it is not one: shorter than its header, a channel outside 0x4000–0x4FFF, or fewer data
   * bytes than Length says. Extra bytes after the data (padding, at most 3 when {@code
   * strictPadding}) are allowed.
   */
  public static int payloadLength(byte[] message, int offset, int length, boolean strictPadding) {
    if (length < HEADER_LENGTH) {
      return -1;
    }
    int channel = ((message[offset] & 0xFF) << 8) | (message[offset + 1] & 0xFF);
    int dataLength = ((message[offset + 2] & 0xFF) << 8) | (message[offset + 3] & 0xFF);
    if (!isValidChannel(channel) || dataLength > length - HEADER_LENGTH) {
      return -1;
    }
    if (strictPadding && length - HEADER_LENGTH - dataLength > 3) {
      return -1;
    }
    return dataLength;
  }

  /** The channel number in the header at {@code offset} (no validation). */
  public static int channelOf(byte[] message, int offset) {
    return ((message[offset] & 0xFF) << 8) | (message[offset + 1] & 0xFF);
  }

  /**
   * Decodes the message in {@code message[offset, offset + length)}.
   *
   * @throws IllegalArgumentException when it is not a well-formed ChannelData message
   */
  public static ChannelData decode(byte[] message, int offset, int length) {
    int dataLength = payloadLength(message, offset, length, false);
    if (dataLength < 0) {
      throw new IllegalArgumentException("not a well-formed ChannelData message");
    }
    return new ChannelData(
        channelOf(message, offset),
        Arrays.copyOfRange(message, offset + HEADER_LENGTH, offset + HEADER_LENGTH + dataLength));
  }

  /** The message without padding (as sent over UDP). */
  public byte[] encode() {
    return encode(channel, data, 0, data.length, false);
  }

  /**
   * Frames {@code data[offset, offset + length)} on {@code channel}, padded to a multiple of 4 when
   * {@code pad} (TCP and TLS).
   */
  public static byte[] encode(int channel, byte[] data, int offset, int length, boolean pad) {
    if (!isValidChannel(channel)) {
      throw new IllegalArgumentException("channel number outside 0x4000-0x4FFF: " + channel);
    }
    if (length < 0 || length > 0xFFFF) {
      throw new IllegalArgumentException("ChannelData length out of range: " + length);
    }
    int total = HEADER_LENGTH + length;
    byte[] out = new byte[pad ? (total + 3) & ~3 : total];
    out[0] = (byte) (channel >>> 8);
    out[1] = (byte) channel;
    out[2] = (byte) (length >>> 8);
    out[3] = (byte) length;
    System.arraycopy(data, offset, out, HEADER_LENGTH, length);
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelData other
        && channel == other.channel
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * channel + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return String.format("ChannelData[0x%04x, %d bytes]", channel, data.length);
  }
}
