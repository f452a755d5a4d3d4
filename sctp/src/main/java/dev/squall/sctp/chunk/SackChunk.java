package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * SACK (RFC 9260 §3.3.4): acknowledges DATA up to the cumulative TSN, plus gap blocks of TSNs
 * received beyond it (offsets relative to the cumulative TSN) and TSNs received more than once.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 3    |Chunk  Flags   |         Chunk Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Cumulative TSN Ack                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Advertised Receiver Window Credit (a_rwnd)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Number of Gap Ack Blocks = N  |  Number of Duplicate TSNs = M |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Gap Ack Block #1 Start     |     Gap Ack Block #1 End      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                              ...                              /
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Duplicate TSN 1                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                              ...                              /
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record SackChunk(
    int cumulativeTsnAck, long aRwnd, List<GapBlock> gapBlocks, List<Integer> duplicateTsns)
    implements Chunk {

  /** TSNs {@code cumulativeTsnAck + start} to {@code cumulativeTsnAck + end} were received. */
  public record GapBlock(int start, int end) {
    public GapBlock {
      DataChunk.checkU16(start, "gap start");
      DataChunk.checkU16(end, "gap end");
    }
  }

  public SackChunk {
    if (aRwnd < 0 || aRwnd > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("a_rwnd out of range: " + aRwnd);
    }
    gapBlocks = List.copyOf(gapBlocks);
    duplicateTsns = List.copyOf(duplicateTsns);
    if (gapBlocks.size() > 0xFFFF || duplicateTsns.size() > 0xFFFF) {
      throw new IllegalArgumentException("too many gap blocks or duplicates");
    }
  }

  static SackChunk decode(ByteReader r) throws SctpException {
    int cum = r.readI32();
    long rwnd = r.readU32();
    int gaps = r.readU16();
    int dups = r.readU16();
    if (gaps * 4L + dups * 4L != r.remaining()) {
      throw new SctpException(
          "SACK announces " + gaps + " gaps and " + dups + " dups in " + r.remaining() + " bytes");
    }
    List<GapBlock> blocks = new ArrayList<>(gaps);
    for (int i = 0; i < gaps; i++) {
      blocks.add(new GapBlock(r.readU16(), r.readU16()));
    }
    List<Integer> duplicates = new ArrayList<>(dups);
    for (int i = 0; i < dups; i++) {
      duplicates.add(r.readI32());
    }
    return new SackChunk(cum, rwnd, blocks, duplicates);
  }

  @Override
  public int type() {
    return ChunkType.SACK;
  }

  @Override
  public int valueLength() {
    return 12 + 4 * gapBlocks.size() + 4 * duplicateTsns.size();
  }

  @Override
  public void writeValue(ByteWriter w) {
    w.putI32(cumulativeTsnAck).putU32(aRwnd).putU16(gapBlocks.size()).putU16(duplicateTsns.size());
    for (GapBlock g : gapBlocks) {
      w.putU16(g.start()).putU16(g.end());
    }
    for (int d : duplicateTsns) {
      w.putI32(d);
    }
  }

  @Override
  public String toString() {
    return "SACK[cum="
        + Integer.toUnsignedString(cumulativeTsnAck)
        + " rwnd="
        + aRwnd
        + " gaps="
        + gapBlocks
        + " dups="
        + duplicateTsns.size()
        + "]";
  }
}
