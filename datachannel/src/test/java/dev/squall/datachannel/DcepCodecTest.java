package dev.squall.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** DATA_CHANNEL_OPEN and DATA_CHANNEL_ACK codecs (RFC 8832 §5). */
class DcepCodecTest {

  @Test
  void openMatchesTheRfcLayout() throws DataChannelException {
    DataChannelOpen open =
        new DataChannelOpen(ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED, 256, 3, "chat", "p");
    byte[] wire = open.encode();
    assertThat(wire)
        .containsExactly(0x03, 0x81, 0x01, 0x00, 0, 0, 0, 3, 0, 4, 0, 1, 'c', 'h', 'a', 't', 'p');
    assertThat(DataChannelOpen.decode(wire)).isEqualTo(open);
  }

  @Test
  void ackIsOneByte() throws DataChannelException {
    assertThat(new DataChannelAck().encode()).containsExactly(0x02);
    assertThat(DataChannelAck.decode(new byte[] {2})).isEqualTo(new DataChannelAck());
    assertThatThrownBy(() -> DataChannelAck.decode(new byte[] {3}))
        .isInstanceOf(DataChannelException.class);
    assertThatThrownBy(() -> DataChannelAck.decode(new byte[] {2, 0}))
        .isInstanceOf(DataChannelException.class);
  }

  @Test
  void badOpensAreRejected() {
    byte[] good = new DataChannelOpen(ChannelType.RELIABLE, 256, 0, "ab", "").encode();
    byte[] badType = good.clone();
    badType[1] = 0x05;
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
    byte[] badUtf8 = good.clone();
    badUtf8[12] = (byte) 0xC3;
    for (byte[] bad : new byte[][] {badType, truncated, badUtf8, new byte[3]}) {
      assertThatThrownBy(() -> DataChannelOpen.decode(bad))
          .isInstanceOf(DataChannelException.class);
    }
  }

  @Property
  void openRoundTrips(
      @ForAll("types") ChannelType type,
      @ForAll @IntRange(min = 0, max = 65535) int priority,
      @ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long reliability,
      @ForAll @Size(max = 40) String label,
      @ForAll @Size(max = 20) String protocol)
      throws DataChannelException {
    DataChannelOpen open = new DataChannelOpen(type, priority, reliability, label, protocol);
    String l =
        new String(
            label.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.UTF_8);
    String p =
        new String(
            protocol.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(DataChannelOpen.decode(open.encode()))
        .isEqualTo(new DataChannelOpen(type, priority, reliability, l, p));
  }

  @Property(tries = 2000)
  void decodersOnlyThrowDataChannelException(@ForAll @Size(max = 64) byte[] data) {
    try {
      DataChannelOpen.decode(data);
    } catch (DataChannelException expected) {
      // rejected cleanly
    }
    try {
      DataChannelAck.decode(data);
    } catch (DataChannelException expected) {
      // rejected cleanly
    }
  }

  @Property(tries = 1000)
  void mutatedOpensDecodeOrFailCleanly(
      @ForAll @Size(min = 1, max = 8) String label,
      @ForAll @IntRange(min = 0, max = 100) int position,
      @ForAll byte value) {
    byte[] wire = new DataChannelOpen(ChannelType.RELIABLE, 256, 0, label, "x").encode();
    wire[position % wire.length] = value;
    try {
      DataChannelOpen decoded = DataChannelOpen.decode(wire);
      assertThat(decoded.encode()).hasSize(wire.length);
    } catch (DataChannelException expected) {
      // rejected cleanly
    }
  }

  @Provide
  Arbitrary<ChannelType> types() {
    return Arbitraries.of(ChannelType.class);
  }
}
