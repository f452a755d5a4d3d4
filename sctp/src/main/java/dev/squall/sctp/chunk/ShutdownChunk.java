package dev.squall.sctp.chunk;

import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * SHUTDOWN (RFC 9260 §3.3.8): starts a graceful close; acknowledges DATA up to the cumulative TSN.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 7    | Chunk  Flags  |      Length = 8               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Cumulative TSN Ack                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ShutdownChunk(int cumulativeTsnAck) implements Chunk {

  static ShutdownChunk decode(ByteReader r) {
    return new ShutdownChunk(r.readI32());
  }

  @Override
  public int type() {
    return ChunkType.SHUTDOWN;
  }

  @Override
  public int valueLength() {
    return 4;
  }

  @Override
  public void writeValue(ByteWriter w) {
    w.putI32(cumulativeTsnAck);
  }
}
