package dev.squall.server.internal.turn;

import io.netty.buffer.ByteBuf;

/**
 * Decides which of the two servers on the STUN port handles a message: STUN Binding requests and
 * indications, and anything that is neither STUN nor ChannelData, stay with the stateless Binding
 * server (its answers and its {@code squall.stun.requests} counts do not change when TURN is on);
 * every other STUN method (Allocate, Refresh, Send, CreatePermission, ChannelBind) and every
 * ChannelData message goes to the TURN server. The first two bits tell them apart (RFC 7983): 00 is
 * STUN, 01 is ChannelData; the STUN method is spread over the 14-bit message type (RFC 8489 §5).
 */
public final class TurnRouting {

  /** The STUN Binding method. */
  private static final int BINDING = 0x001;

  private TurnRouting() {}

  /** True when the message starting at {@code offset} belongs to the TURN server. */
  public static boolean isTurn(byte[] message, int offset, int length) {
    if (length < 2) {
      return false;
    }
    return isTurn(message[offset] & 0xFF, message[offset + 1] & 0xFF);
  }

  /** {@link #isTurn(byte[], int, int)} on the readable bytes of {@code buf}. */
  public static boolean isTurn(ByteBuf buf) {
    if (buf.readableBytes() < 2) {
      return false;
    }
    int i = buf.readerIndex();
    return isTurn(buf.getUnsignedByte(i), buf.getUnsignedByte(i + 1));
  }

  private static boolean isTurn(int b0, int b1) {
    if ((b0 & 0xC0) == 0x40) {
      return true; // ChannelData
    }
    if ((b0 & 0xC0) != 0) {
      return false;
    }
    int type = (b0 << 8) | b1;
    int method = (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
    return method != BINDING;
  }
}
