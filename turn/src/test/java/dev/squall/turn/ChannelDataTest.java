package dev.squall.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** ChannelData framing (RFC 8656 §12.4): round trips, padding, and rejection of bad frames. */
class ChannelDataTest {

  @Property(tries = 500)
  void roundTripsWithAndWithoutPadding(
      @ForAll @IntRange(min = 0x4000, max = 0x4FFF) int channel,
      @ForAll("payloads") byte[] data,
      @ForAll boolean pad) {
    byte[] wire = ChannelData.encode(channel, data, 0, data.length, pad);

    assertThat(wire.length).isEqualTo(pad ? (4 + data.length + 3) & ~3 : 4 + data.length);
    assertThat(ChannelData.looksLikeChannelData(wire, 0, wire.length)).isTrue();
    assertThat(ChannelData.payloadLength(wire, 0, wire.length, true)).isEqualTo(data.length);
    assertThat(ChannelData.decode(wire, 0, wire.length)).isEqualTo(new ChannelData(channel, data));
  }

  @Example
  void headerIsChannelThenLength() {
    byte[] wire = new ChannelData(0x4001, new byte[] {9, 8, 7}).encode();

    assertThat(wire).containsExactly(0x40, 0x01, 0x00, 0x03, 9, 8, 7);
  }

  @Example
  void framesShorterThanTheirLengthOrOnBadChannelsAreRejected() {
    byte[] truncated = {0x40, 0x00, 0x00, 0x05, 1, 2};
    byte[] badChannel = {0x50, 0x00, 0x00, 0x00};
    byte[] tooMuchPadding = {0x40, 0x00, 0x00, 0x00, 0, 0, 0, 0};

    assertThat(ChannelData.payloadLength(truncated, 0, truncated.length, false)).isEqualTo(-1);
    assertThat(ChannelData.payloadLength(badChannel, 0, badChannel.length, false)).isEqualTo(-1);
    assertThat(ChannelData.payloadLength(tooMuchPadding, 0, 8, true)).isEqualTo(-1);
    assertThat(ChannelData.payloadLength(tooMuchPadding, 0, 8, false)).isZero();
    assertThatThrownBy(() -> ChannelData.decode(truncated, 0, truncated.length))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ChannelData(0x3FFF, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 2000)
  void arbitraryBytesNeverEscapeAsAnythingButIllegalArgument(@ForAll("junk") byte[] junk) {
    try {
      ChannelData decoded = ChannelData.decode(junk, 0, junk.length);
      assertThat(decoded.data().length).isLessThanOrEqualTo(junk.length - 4);
    } catch (IllegalArgumentException expected) {
      assertThat(ChannelData.payloadLength(junk, 0, junk.length, false)).isEqualTo(-1);
    }
  }

  @Provide
  Arbitrary<byte[]> payloads() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(1500);
  }

  @Provide
  Arbitrary<byte[]> junk() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
  }
}
