package dev.squall.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.TransactionId;
import dev.squall.turn.ChannelData;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Stream framing of STUN, and with TURN of ChannelData padded to 4 bytes (RFC 8656 §12.5). */
class StunTcpFrameDecoderTest {

  static byte[] binding() {
    return StunMessage.builder(StunMessageType.BINDING_REQUEST, TransactionId.random())
        .build()
        .encode();
  }

  static byte[] concat(byte[]... parts) {
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
  void channelDataIsEmittedWithoutItsPaddingOnceThePaddingHasArrived() {
    EmbeddedChannel ch = new EmbeddedChannel(new StunTcpFrameDecoder(true));
    byte[] stun = binding();
    byte[] five = {1, 2, 3, 4, 5};
    byte[] padded = ChannelData.encode(0x4001, five, 0, 5, true); // 4 + 5 + 3 padding
    assertThat(padded).hasSize(12);
    byte[] stream = concat(stun, padded, stun, ChannelData.encode(0x4002, new byte[8], 0, 8, true));
    int cut = stun.length + 10; // the data of the first ChannelData, not its padding

    ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOf(stream, cut)));
    assertThat((byte[]) ch.readInbound()).isEqualTo(stun);
    assertThat((Object) ch.readInbound()).isNull();
    ch.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, cut, stream.length)));

    byte[] second = ch.readInbound();
    assertThat(second).isEqualTo(Arrays.copyOf(padded, 9));
    assertThat(ChannelData.decode(second, 0, second.length).data()).isEqualTo(five);
    assertThat((byte[]) ch.readInbound()).isEqualTo(stun);
    byte[] fourth = ch.readInbound();
    assertThat(fourth).hasSize(12);
    assertThat(ChannelData.channelOf(fourth, 0)).isEqualTo(0x4002);
    assertThat((Object) ch.readInbound()).isNull();
  }

  @Test
  void rfc5766ChannelNumbersAreFramedToo() {
    EmbeddedChannel ch = new EmbeddedChannel(new StunTcpFrameDecoder(true));
    byte[] high = ChannelData.encode(0x4000, new byte[3], 0, 3, true);
    high[0] = 0x7F; // channel 0x7F00
    ch.writeInbound(Unpooled.wrappedBuffer(concat(binding(), high)));
    assertThat((byte[]) ch.readInbound()).hasSize(20);
    assertThat((byte[]) ch.readInbound()).hasSize(7);
  }

  @Test
  void emptyChannelDataNeedsNoPadding() {
    EmbeddedChannel ch = new EmbeddedChannel(new StunTcpFrameDecoder(true));
    ch.writeInbound(Unpooled.wrappedBuffer(concat(binding(), new byte[] {0x40, 0, 0, 0})));
    assertThat((byte[]) ch.readInbound()).hasSize(20);
    assertThat((byte[]) ch.readInbound()).containsExactly(0x40, 0, 0, 0);
  }

  @Test
  void aStreamMustStartWithStunSoThatOtherProtocolsAreRefusedAtOnce() {
    EmbeddedChannel ch = new EmbeddedChannel(new StunTcpFrameDecoder(true));
    byte[] http = "GET / HTTP/1.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ch.writeInbound(Unpooled.wrappedBuffer(http)))
        .isInstanceOf(DecoderException.class)
        .hasMessageContaining("ChannelData before any STUN message");
  }

  @Test
  void aStunOnlyDecoderRefusesChannelData() {
    EmbeddedChannel ch = new EmbeddedChannel(new StunTcpFrameDecoder());
    assertThatThrownBy(
            () ->
                ch.writeInbound(
                    Unpooled.wrappedBuffer(ChannelData.encode(0x4000, new byte[4], 0, 4, true))))
        .isInstanceOf(DecoderException.class)
        .hasMessageContaining("not a STUN message");
  }

  @Test
  void otherFirstBytesLoseTheFraming() {
    for (int first : new int[] {0x80, 0xC0}) {
      EmbeddedChannel ch = new EmbeddedChannel(new StunTcpFrameDecoder(true));
      assertThatThrownBy(
              () ->
                  ch.writeInbound(
                      Unpooled.wrappedBuffer(new byte[] {(byte) first, 0, 0, 4, 0, 0, 0, 0})))
          .isInstanceOf(DecoderException.class)
          .hasMessageContaining("not a STUN or ChannelData message: first byte");
    }
  }
}
