package dev.squall.server.internal;

import dev.squall.stun.StunFraming;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Splits a STUN-over-TCP byte stream (RFC 8489 §6.2.2) into whole messages, emitted as {@code
 * byte[]}. A STUN message is the 20-byte header plus the 16-bit length at offset 2:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Magic Cookie, Transaction ID (16 bytes)      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * With {@code channelData} on (a TURN listener, RFC 8656 §12.5), a message whose first two bits are
 * 01 (channel 0x4000–0x7FFF: RFC 5766's range, which RFC 8656 narrowed to 0x4FFF; the TURN core
 * judges the number) is a ChannelData message instead: the 4-byte header (channel number, length)
 * plus the data, padded on the stream to a multiple of 4 bytes. It is emitted without its padding,
 * once the padding has arrived too. ChannelData is only accepted after a first STUN message: a TURN
 * client starts with Allocate, and this way a stream of something else (an HTTP request starts with
 * {@code G}, 0x47) is refused at once instead of being read as a long ChannelData message.
 *
 * <p>A stream whose next byte starts anything else is not STUN (or TURN): the decoder throws {@link
 * CorruptedFrameException} (the connection is then closed), since the framing is lost.
 */
public final class StunTcpFrameDecoder extends ByteToMessageDecoder {

  /** The largest frame: the header plus the largest length the 16-bit field allows. */
  public static final int MAX_FRAME = StunFraming.HEADER_LENGTH + 0xFFFF;

  private final boolean channelData;
  private boolean seenStun;

  /** A STUN-only decoder. */
  public StunTcpFrameDecoder() {
    this(false);
  }

  /**
   * @param channelData true to accept ChannelData messages too (TURN)
   */
  public StunTcpFrameDecoder(boolean channelData) {
    this.channelData = channelData;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= 4) {
      int start = in.readerIndex();
      int first = in.getUnsignedByte(start);
      int length = in.getUnsignedShort(start + 2);
      int message;
      int onStream;
      if ((first & 0xC0) == 0) {
        message = StunFraming.HEADER_LENGTH + length;
        onStream = message;
        seenStun = true;
      } else if ((first & 0xC0) == 0x40 && channelData && seenStun) {
        message = 4 + length;
        onStream = (message + 3) & ~3;
      } else {
        in.skipBytes(in.readableBytes());
        throw new CorruptedFrameException(
            !channelData
                ? "not a STUN message: the first two bits are not zero"
                : (first & 0xC0) == 0x40
                    ? "ChannelData before any STUN message"
                    : String.format("not a STUN or ChannelData message: first byte 0x%02x", first));
      }
      if (in.readableBytes() < onStream) {
        return;
      }
      out.add(ByteBufUtil.getBytes(in, start, message));
      in.skipBytes(onStream);
    }
  }
}
