package dev.squall.sctp.chunk;

import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * SHUTDOWN-ACK (RFC 9260 §3.3.9): answers SHUTDOWN once all outstanding data was acknowledged.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 8    | Chunk  Flags  |      Length = 4               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ShutdownAckChunk() implements Chunk {

  static ShutdownAckChunk decode(ByteReader r) {
    return new ShutdownAckChunk();
  }

  @Override
  public int type() {
    return ChunkType.SHUTDOWN_ACK;
  }

  @Override
  public int valueLength() {
    return 0;
  }

  @Override
  public void writeValue(ByteWriter w) {}
}
