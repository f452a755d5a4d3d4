package dev.squall.sctp.chunk;

import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * SHUTDOWN-COMPLETE (RFC 9260 §3.3.13): ends the shutdown sequence. T set: the verification tag is
 * the sender's own.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 14   |  Reserved   |T|      Length = 4               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ShutdownCompleteChunk(boolean reflected) implements Chunk {

  static ShutdownCompleteChunk decode(int flags, ByteReader r) {
    return new ShutdownCompleteChunk((flags & 1) != 0);
  }

  @Override
  public int type() {
    return ChunkType.SHUTDOWN_COMPLETE;
  }

  @Override
  public int flags() {
    return reflected ? 1 : 0;
  }

  @Override
  public int valueLength() {
    return 0;
  }

  @Override
  public void writeValue(ByteWriter w) {}
}
