package dev.squall.sctp.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {

  @Provide
  Arbitrary<Chunk> chunks() {
    return ChunkArbitraries.chunk();
  }

  @Provide
  Arbitrary<List<Chunk>> chunkLists() {
    return ChunkArbitraries.chunk().list().ofMinSize(1).ofMaxSize(5);
  }

  @Property(tries = 2000)
  void everyChunkRoundTrips(@ForAll("chunks") Chunk chunk) throws SctpException {
    byte[] encoded = ChunkCodec.encode(chunk);
    assertThat(encoded.length).isEqualTo(chunk.encodedLength()).matches(n -> n % 4 == 0);
    ByteReader r = new ByteReader(encoded);
    Chunk decoded = ChunkCodec.decode(r);
    assertThat(r.hasRemaining()).isFalse();
    assertThat(decoded.getClass()).isEqualTo(chunk.getClass());
    assertThat(decoded.type()).isEqualTo(chunk.type());
    assertThat(decoded.flags()).isEqualTo(chunk.flags());
    assertThat(ChunkCodec.encode(decoded)).isEqualTo(encoded);
  }

  @Property(tries = 500)
  void packetsRoundTripWithTheirChecksum(@ForAll("chunkLists") List<Chunk> chunks)
      throws SctpException {
    SctpPacket packet = new SctpPacket(5000, 5001, 0x1234_5678, chunks);
    byte[] encoded = packet.encode();
    SctpPacket decoded = SctpPacket.decode(encoded);
    assertThat(decoded.sourcePort()).isEqualTo(5000);
    assertThat(decoded.destinationPort()).isEqualTo(5001);
    assertThat(decoded.verificationTag()).isEqualTo(0x1234_5678);
    assertThat(decoded.chunks()).hasSameSizeAs(chunks);
    assertThat(decoded.encode()).isEqualTo(encoded);
  }

  @Property(tries = 3000)
  void randomBytesNeverEscapeSctpException(@ForAll byte[] data) {
    decodeQuietly(data);
    // the same bytes with a correct checksum reach the chunk decoders
    if (data.length >= SctpPacket.HEADER) {
      ByteWriter w = new ByteWriter();
      w.putBytes(data);
      decodeQuietly(SctpPacket.finish(w));
    }
  }

  @Property(tries = 1000)
  void mutatedPacketsNeverEscapeSctpException(
      @ForAll("chunkLists") List<Chunk> chunks,
      @ForAll int position,
      @ForAll byte value,
      @ForAll int cut) {
    byte[] encoded = new SctpPacket(5000, 5000, 1, chunks).encode();
    int at = SctpPacket.HEADER + Math.floorMod(position, encoded.length - SctpPacket.HEADER);
    encoded[at] = value;
    ByteWriter w = new ByteWriter();
    w.putBytes(encoded, 0, Math.max(SctpPacket.HEADER, encoded.length - Math.floorMod(cut, 8)));
    decodeQuietly(SctpPacket.finish(w));
  }

  private static void decodeQuietly(byte[] data) {
    try {
      SctpPacket.decode(data);
    } catch (SctpException expected) {
      // the only exception allowed
    }
  }

  @Test
  void checksumIsCrc32cStoredLittleEndian() throws SctpException {
    // CRC32c("123456789") = 0xE3069283 (RFC 3720 B.4 check value) guards the algorithm choice
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(crc.getValue()).isEqualTo(0xE3069283L);
    byte[] packet = new SctpPacket(5000, 5000, 0, List.of(new CookieAckChunk())).encode();
    crc.reset();
    crc.update(packet, 0, 8);
    crc.update(new byte[4]);
    crc.update(packet, 12, packet.length - 12);
    long v = crc.getValue();
    assertThat(packet[8] & 0xFF).isEqualTo((int) (v & 0xFF));
    assertThat(packet[11] & 0xFF).isEqualTo((int) (v >>> 24));
    packet[9] ^= 1;
    assertThatThrownBy(() -> SctpPacket.decode(packet))
        .isInstanceOf(SctpException.class)
        .hasMessageContaining("checksum");
  }

  @Test
  void dataChunkLayoutMatchesRfc9260() throws SctpException {
    DataChunk d = new DataChunk(false, true, true, false, 0x01020304, 7, 9, 51, new byte[] {42});
    byte[] b = ChunkCodec.encode(d);
    assertThat(b).containsExactly(0, 0x06, 0, 17, 1, 2, 3, 4, 0, 7, 0, 9, 0, 0, 0, 51, 42, 0, 0, 0);
    DataChunk back = (DataChunk) ChunkCodec.decode(new ByteReader(b));
    assertThat(back.unordered()).isTrue();
    assertThat(back.beginning()).isTrue();
    assertThat(back.ending()).isFalse();
    assertThat(back.payload()).containsExactly(42);
  }

  @Test
  void emptyDataAndZeroTagInitAreRejected() {
    byte[] empty = {0, 3, 0, 16, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    assertThatThrownBy(() -> ChunkCodec.decode(new ByteReader(empty)))
        .isInstanceOf(SctpException.class);
    byte[] init = ChunkCodec.encode(new InitChunk(5, 1000, 1, 1, 0, List.of()));
    init[4] = init[5] = init[6] = init[7] = 0;
    assertThatThrownBy(() -> ChunkCodec.decode(new ByteReader(init)))
        .isInstanceOf(SctpException.class)
        .hasMessageContaining("tag 0");
  }

  @Test
  void unknownChunkActionBitsFollowTheUpperTwoBits() {
    assertThat(new UnknownChunk(0x3F, 0, new byte[0]).stopProcessing()).isTrue();
    assertThat(new UnknownChunk(0x3F, 0, new byte[0]).report()).isFalse();
    assertThat(new UnknownChunk(0x7F, 0, new byte[0]).report()).isTrue();
    assertThat(new UnknownChunk(0xBF, 0, new byte[0]).stopProcessing()).isFalse();
    assertThat(new UnknownChunk(0xFF, 0, new byte[0]).report()).isTrue();
    assertThat(new RawParam(0x4001, new byte[0]).stopProcessing()).isTrue();
    assertThat(new RawParam(0x4001, new byte[0]).report()).isTrue();
    assertThat(new RawParam(0x8001, new byte[0]).stopProcessing()).isFalse();
  }
}
