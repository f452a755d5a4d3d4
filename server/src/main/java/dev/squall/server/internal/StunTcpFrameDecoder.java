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
 * byte[]}. A message is the 20-byte header plus the 16-bit length at offset 2:
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
 * A stream whose next byte does not start with two zero bits is not STUN: the decoder throws {@link
 * CorruptedFrameException} (the connection is then closed), since the framing is lost.
 */
public final class StunTcpFrameDecoder extends ByteToMessageDecoder {

  /** The largest frame: the header plus the largest length the 16-bit field allows. */
  public static final int MAX_FRAME = StunFraming.HEADER_LENGTH + 0xFFFF;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= 4) {
      int start = in.readerIndex();
      if ((in.getUnsignedByte(start) & 0xC0) != 0) {
        in.skipBytes(in.readableBytes());
        throw new CorruptedFrameException("not a STUN message: the first two bits are not zero");
      }
      int total = StunFraming.HEADER_LENGTH + in.getUnsignedShort(start + 2);
      if (total > MAX_FRAME) {
        throw new CorruptedFrameException("STUN frame too large: " + total);
      }
      if (in.readableBytes() < total) {
        return;
      }
      out.add(ByteBufUtil.getBytes(in, start, total));
      in.skipBytes(total);
    }
  }
}
