package dev.squall.peer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TurnFrameDecoderTest {

  /** A STUN header (Binding success) with {@code bodyLength} bytes of attributes after it. */
  private static byte[] stun(int bodyLength, int fill) {
    byte[] m = new byte[20 + bodyLength];
    m[0] = 0x01;
    m[1] = 0x01;
    m[2] = (byte) (bodyLength >> 8);
    m[3] = (byte) bodyLength;
    m[4] = 0x21;
    m[5] = 0x12;
    m[6] = (byte) 0xA4;
    m[7] = 0x42;
    Arrays.fill(m, 20, m.length, (byte) fill);
    return m;
  }

  private static byte[] channelData(int channel, int dataLength, int fill) {
    byte[] m = new byte[4 + dataLength];
    m[0] = (byte) (channel >> 8);
    m[1] = (byte) channel;
    m[2] = (byte) (dataLength >> 8);
    m[3] = (byte) dataLength;
    Arrays.fill(m, 4, m.length, (byte) fill);
    return m;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Test
  void splitsBackToBackMessagesAndDropsChannelDataPadding() {
    EmbeddedChannel ch = new EmbeddedChannel(new TurnFrameDecoder());
    byte[] first = stun(8, 7);
    byte[] data = channelData(0x4001, 5, 9); // 9 bytes, padded to 12 on the stream
    byte[] last = stun(0, 0);
    ch.writeInbound(Unpooled.wrappedBuffer(concat(first, data, new byte[3], last)));
    assertThat((byte[]) ch.readInbound()).isEqualTo(first);
    assertThat((byte[]) ch.readInbound()).isEqualTo(data);
    assertThat((byte[]) ch.readInbound()).isEqualTo(last);
    assertThat((Object) ch.readInbound()).isNull();
  }

  @Test
  void waitsForTheWholeMessageAndItsPaddingAcrossReads() {
    EmbeddedChannel ch = new EmbeddedChannel(new TurnFrameDecoder());
    byte[] data = channelData(0x4FFF, 6, 3); // 10 bytes, 2 of padding
    byte[] stream = concat(data, new byte[2], stun(4, 1));
    for (int i = 0; i < 11; i++) {
      ch.writeInbound(Unpooled.wrappedBuffer(stream, i, 1));
      assertThat((Object) ch.readInbound()).as("after %d bytes", i + 1).isNull();
    }
    ch.writeInbound(Unpooled.wrappedBuffer(stream, 11, 1));
    assertThat((byte[]) ch.readInbound()).isEqualTo(data);
    ch.writeInbound(Unpooled.wrappedBuffer(stream, 12, stream.length - 13));
    assertThat((Object) ch.readInbound()).isNull();
    ch.writeInbound(Unpooled.wrappedBuffer(stream, stream.length - 1, 1));
    assertThat((byte[]) ch.readInbound()).isEqualTo(stun(4, 1));
  }

  @Test
  void aByteThatStartsNeitherStunNorChannelDataLosesTheFraming() {
    EmbeddedChannel ch = new EmbeddedChannel(new TurnFrameDecoder());
    // "HTTP/1.1 400": 'H' is 0x48 (01..., ChannelData-like); 0x80 starts an RTP packet (10...)
    assertThatThrownBy(
            () -> ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 0, 0, 0})))
        .isInstanceOf(CorruptedFrameException.class)
        .hasMessageContaining("0x80");
  }
}
