package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import dev.squall.util.TruncatedInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An SCTP packet (RFC 9260 §3): the common header and one or more chunks.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Source Port Number        |     Destination Port Number   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Verification Tag                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Checksum                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                    Chunk #1 ... Chunk #n                      \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The checksum is CRC32c (RFC 9260 Appendix A) over the whole packet with the checksum field set to
 * zero, stored least significant byte first as the reference implementations do. Over DTLS (RFC
 * 8261) it is redundant, but browsers compute and check it, and so does this codec.
 */
public record SctpPacket(
    int sourcePort, int destinationPort, int verificationTag, List<Chunk> chunks) {

  /** Bytes of the common header. */
  public static final int HEADER = 12;

  public SctpPacket {
    DataChunk.checkU16(sourcePort, "source port");
    DataChunk.checkU16(destinationPort, "destination port");
    chunks = List.copyOf(chunks);
  }

  /** Encodes the packet with its checksum. */
  public byte[] encode() {
    int size = HEADER;
    for (Chunk c : chunks) {
      size += c.encodedLength();
    }
    ByteWriter w = new ByteWriter(size);
    writeHeader(w, sourcePort, destinationPort, verificationTag);
    for (Chunk c : chunks) {
      c.encode(w);
    }
    return finish(w);
  }

  /** Writes the common header with a zero checksum; finish the packet with {@link #finish}. */
  public static void writeHeader(ByteWriter w, int sourcePort, int destinationPort, int tag) {
    w.putU16(sourcePort).putU16(destinationPort).putI32(tag).putI32(0);
  }

  /** Fills in the checksum of a packet written from offset 0 and returns its bytes. */
  public static byte[] finish(ByteWriter w) {
    byte[] out = w.toByteArray();
    writeChecksum(out, 0, out.length);
    return out;
  }

  /** Fills in the checksum field of the packet in {@code packet[offset, offset + length)}. */
  public static void writeChecksum(byte[] packet, int offset, int length) {
    int crc = checksum(packet, offset, length);
    packet[offset + 8] = (byte) crc;
    packet[offset + 9] = (byte) (crc >>> 8);
    packet[offset + 10] = (byte) (crc >>> 16);
    packet[offset + 11] = (byte) (crc >>> 24);
  }

  private static final byte[] ZERO_CHECKSUM = new byte[4];

  /** CRC32c of a packet slice, its checksum field counted as zero. */
  static int checksum(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, 8);
    crc.update(ZERO_CHECKSUM, 0, 4);
    crc.update(data, offset + HEADER, length - HEADER);
    return (int) crc.getValue();
  }

  /** Decodes and verifies a packet. */
  public static SctpPacket decode(byte[] data) throws SctpException {
    return decode(data, 0, data.length);
  }

  /** Decodes and verifies the packet in {@code data[offset, offset+length)}. */
  public static SctpPacket decode(byte[] data, int offset, int length) throws SctpException {
    if (length < HEADER) {
      throw new SctpException("packet of " + length + " bytes is shorter than the header");
    }
    try {
      ByteReader r = new ByteReader(data, offset, length);
      int src = r.readU16();
      int dst = r.readU16();
      int tag = r.readI32();
      int stored =
          (data[offset + 8] & 0xFF)
              | (data[offset + 9] & 0xFF) << 8
              | (data[offset + 10] & 0xFF) << 16
              | (data[offset + 11] & 0xFF) << 24;
      r.skip(4);
      int computed = checksum(data, offset, length);
      if (stored != computed) {
        throw new SctpException(
            "bad checksum "
                + Integer.toHexString(stored)
                + ", want "
                + Integer.toHexString(computed));
      }
      List<Chunk> chunks = new ArrayList<>();
      while (r.hasRemaining()) {
        chunks.add(ChunkCodec.decode(r));
      }
      if (chunks.isEmpty()) {
        throw new SctpException("packet without chunks");
      }
      return new SctpPacket(src, dst, tag, chunks);
    } catch (TruncatedInputException | IndexOutOfBoundsException e) {
      throw new SctpException("truncated packet: " + e.getMessage(), e);
    }
  }
}
