package dev.squall.sctp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.sctp.Reliability;
import dev.squall.sctp.SctpException;
import dev.squall.sctp.chunk.Chunk;
import dev.squall.sctp.chunk.DataChunk;
import dev.squall.sctp.chunk.HeartbeatAckChunk;
import dev.squall.sctp.chunk.SackChunk;
import dev.squall.sctp.chunk.SctpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PacketWriter} builds every packet in one reused array: each packet the sink sees must
 * decode (checksum included) to exactly the chunks added, whatever earlier packets left in it.
 */
class PacketWriterTest {

  private static final int MTU = 200;

  private final List<byte[]> sent = new ArrayList<>();
  private final List<byte[]> arrays = new ArrayList<>();
  private final PacketWriter writer =
      new PacketWriter(
          MTU,
          5000,
          5001,
          0,
          (buffer, offset, length) -> {
            arrays.add(buffer);
            sent.add(Arrays.copyOfRange(buffer, offset, offset + length));
          });

  private static OutboundChunk fragment(byte[] data, int tsn, int ssn) {
    OutboundMessage m = new OutboundMessage(3, 53, data, true, Reliability.RELIABLE, 0);
    m.ssn = ssn;
    OutboundChunk c = new OutboundChunk(m, 0, data.length, true, true);
    c.tsn = tsn;
    return c;
  }

  private static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  private SctpPacket packet(int i) throws SctpException {
    return SctpPacket.decode(sent.get(i));
  }

  @Test
  void dataChunksAreBundledUpToTheMtuAndDecodeExactlyInEveryPacket() throws SctpException {
    writer.begin(0x1234);
    // 170 B of payload: a 186-byte chunk (2 B padding) fills the 200-byte packet
    writer.addData(fragment(filled(170, 0xAA), 10, 0));
    // 5 B: 21 B and 3 B of padding, where the first packet had payload bytes
    writer.addData(fragment(filled(5, 0x55), 11, 1));
    writer.addData(fragment(filled(150, 0x77), 12, 2)); // does not fit beside it: a third packet
    writer.addData(fragment(filled(1, 0x11), 13, 3)); // 17 B + 3 B padding: exactly fills it
    writer.finish();

    assertThat(sent).hasSize(3);
    assertThat(arrays).allMatch(a -> a == arrays.get(0));
    assertThat(sent.get(0)).hasSize(MTU);
    SctpPacket first = packet(0);
    assertThat(first.verificationTag()).isEqualTo(0x1234);
    assertThat(first.sourcePort()).isEqualTo(5000);
    assertThat(first.destinationPort()).isEqualTo(5001);
    assertThat(first.chunks()).hasSize(1);
    assertData(first.chunks().get(0), 10, 0, filled(170, 0xAA));
    assertThat(packet(1).chunks()).hasSize(1);
    assertData(packet(1).chunks().get(0), 11, 1, filled(5, 0x55));
    byte[] second = sent.get(1);
    assertThat(second).hasSize(36);
    assertThat(Arrays.copyOfRange(second, 33, 36)).containsOnly(0);
    SctpPacket third = packet(2);
    assertThat(sent.get(2)).hasSize(MTU);
    assertThat(third.chunks()).hasSize(2);
    assertData(third.chunks().get(0), 12, 2, filled(150, 0x77));
    assertData(third.chunks().get(1), 13, 3, filled(1, 0x11));
    assertThat(Arrays.copyOfRange(sent.get(2), 197, 200)).containsOnly(0);
    assertThat(writer.packets()).isEqualTo(3);
  }

  @Test
  void controlAndDataChunksMixAndAChunkAboveTheMtuGoesAlone() throws SctpException {
    writer.begin(7);
    SackChunk sack = new SackChunk(99, 65536, List.of(), List.of());
    writer.add(sack);
    writer.addData(fragment(filled(60, 0x42), 20, 4));
    HeartbeatAckChunk big = new HeartbeatAckChunk(filled(400, 0x33));
    writer.add(big);
    writer.addData(fragment(filled(8, 0x24), 21, 5));
    writer.finish();

    assertThat(sent).hasSize(3);
    assertThat(packet(0).chunks()).hasSize(2);
    assertThat(packet(0).chunks().get(0)).isEqualTo(sack);
    assertData(packet(0).chunks().get(1), 20, 4, filled(60, 0x42));
    assertThat(sent.get(1).length).isGreaterThan(MTU);
    assertThat(packet(1).chunks()).hasSize(1);
    assertThat(((HeartbeatAckChunk) packet(1).chunks().get(0)).info()).isEqualTo(big.info());
    assertData(packet(2).chunks().get(0), 21, 5, filled(8, 0x24));

    // the next flush starts clean, with its own tag
    writer.begin(8);
    writer.addData(fragment(filled(3, 0x01), 22, 6));
    writer.finish();
    assertThat(packet(3).verificationTag()).isEqualTo(8);
    assertThat(packet(3).chunks()).hasSize(1);
    assertData(packet(3).chunks().get(0), 22, 6, filled(3, 0x01));
    assertThat(writer.packets()).isEqualTo(1);
  }

  private static void assertData(Chunk chunk, int tsn, int ssn, byte[] payload) {
    assertThat(chunk).isInstanceOf(DataChunk.class);
    DataChunk d = (DataChunk) chunk;
    assertThat(d.tsn()).isEqualTo(tsn);
    assertThat(d.ssn()).isEqualTo(ssn);
    assertThat(d.streamId()).isEqualTo(3);
    assertThat(d.ppid()).isEqualTo(53);
    assertThat(d.beginning()).isTrue();
    assertThat(d.ending()).isTrue();
    assertThat(d.unordered()).isFalse();
    assertThat(d.payload()).isEqualTo(payload);
  }
}
