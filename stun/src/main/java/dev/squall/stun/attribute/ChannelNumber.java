package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * CHANNEL-NUMBER (0x000C, RFC 8656 §18.1): the channel a ChannelBind request binds. The number is
 * carried as given; whether it lies in the valid range 0x4000–0x4FFF (§12) is the server's check
 * ({@link #isValid()}), so that an out-of-range request can be answered with 400 rather than
 * dropped.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Channel Number         |         RFFU = 0              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param channel the 16-bit channel number
 */
public record ChannelNumber(int channel) implements StunAttribute {

  public static final int TYPE = 0x000C;

  /** The lowest channel number a client may bind. */
  public static final int MIN = 0x4000;

  /** The highest channel number a client may bind. */
  public static final int MAX = 0x4FFF;

  public ChannelNumber {
    if (channel < 0 || channel > 0xFFFF) {
      throw new IllegalArgumentException("channel number out of 16-bit range: " + channel);
    }
  }

  /** True when the number lies in 0x4000–0x4FFF. */
  public boolean isValid() {
    return channel >= MIN && channel <= MAX;
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putU16(channel);
    out.putU16(0);
  }

  static ChannelNumber decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, 4, "CHANNEL-NUMBER");
    int channel = value.readU16();
    value.readU16(); // RFFU: ignored
    return new ChannelNumber(channel);
  }
}
