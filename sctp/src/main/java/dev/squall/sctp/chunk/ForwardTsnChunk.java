package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * FORWARD-TSN (RFC 3758 §3.2): the sender abandoned every TSN up to the new cumulative TSN; the
 * receiver treats them as received and skips, per listed ordered stream, up to the given SSN.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 192  |  Flags = 0x00 |        Length = Variable      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      New Cumulative TSN                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Stream-1              |       Stream Sequence-1       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                                                               /
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ForwardTsnChunk(int newCumulativeTsn, List<StreamSsn> streams) implements Chunk {

  /** The last SSN skipped on an ordered stream. */
  public record StreamSsn(int stream, int ssn) {
    public StreamSsn {
      DataChunk.checkU16(stream, "stream");
      DataChunk.checkU16(ssn, "ssn");
    }
  }

  public ForwardTsnChunk {
    streams = List.copyOf(streams);
  }

  static ForwardTsnChunk decode(ByteReader r) throws SctpException {
    int cum = r.readI32();
    if (r.remaining() % 4 != 0) {
      throw new SctpException("FORWARD-TSN stream list of " + r.remaining() + " bytes");
    }
    List<StreamSsn> streams = new ArrayList<>();
    while (r.hasRemaining()) {
      streams.add(new StreamSsn(r.readU16(), r.readU16()));
    }
    return new ForwardTsnChunk(cum, streams);
  }

  @Override
  public int type() {
    return ChunkType.FORWARD_TSN;
  }

  @Override
  public int valueLength() {
    return 4 + 4 * streams.size();
  }

  @Override
  public void writeValue(ByteWriter w) {
    w.putI32(newCumulativeTsn);
    for (StreamSsn s : streams) {
      w.putU16(s.stream()).putU16(s.ssn());
    }
  }
}
