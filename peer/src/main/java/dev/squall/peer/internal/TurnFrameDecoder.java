package dev.squall.peer.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Splits the byte stream a TURN server sends over TCP or TLS (RFC 8656 §3.1, §12.5) into whole
 * messages, emitted as {@code byte[]}: STUN messages (first two bits 00; the 20-byte header plus
 * the 16-bit length at offset 2) and ChannelData messages (first two bits 01; the 4-byte header
 * plus the data, which the stream pads to a multiple of 4 bytes). A ChannelData message is emitted
 * without its padding, once the padding has arrived too.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 1|      Channel Number       |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Anything else means the framing is lost: the decoder throws {@link CorruptedFrameException} and
 * the connection is closed. What is inside a message (channel number range, attributes) is judged
 * by the TURN client, not here.
 */
public final class TurnFrameDecoder extends ByteToMessageDecoder {

  private static final int STUN_HEADER = 20;
  private static final int CHANNEL_DATA_HEADER = 4;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= 4) {
      int start = in.readerIndex();
      int kind = in.getUnsignedByte(start) & 0xC0;
      int length = in.getUnsignedShort(start + 2);
      int message;
      int onStream;
      if (kind == 0) {
        message = STUN_HEADER + length;
        onStream = message;
      } else if (kind == 0x40) {
        message = CHANNEL_DATA_HEADER + length;
        onStream = (message + 3) & ~3;
      } else {
        int first = in.getUnsignedByte(start);
        in.skipBytes(in.readableBytes());
        throw new CorruptedFrameException(
            String.format(
                "not a STUN or ChannelData message from the TURN server: first byte 0x%02x",
                first));
      }
      if (in.readableBytes() < onStream) {
        return;
      }
      out.add(ByteBufUtil.getBytes(in, start, message));
      in.skipBytes(onStream);
    }
  }
}
