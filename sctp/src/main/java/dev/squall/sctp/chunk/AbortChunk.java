package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.List;

/**
 * ABORT (RFC 9260 §3.3.7): closes the association at once. T set: the verification tag is the
 * sender's own (reflected) rather than the receiver's.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 6    |  Reserved   |T|            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                   Zero or more Error Causes                   \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record AbortChunk(boolean reflected, List<ErrorCause> causes) implements Chunk {

  public AbortChunk {
    causes = List.copyOf(causes);
  }

  static AbortChunk decode(int flags, ByteReader r) throws SctpException {
    return new AbortChunk((flags & 1) != 0, ErrorCause.decodeAll(r));
  }

  @Override
  public int type() {
    return ChunkType.ABORT;
  }

  @Override
  public int flags() {
    return reflected ? 1 : 0;
  }

  @Override
  public int valueLength() {
    return ErrorCause.encodedLength(causes);
  }

  @Override
  public void writeValue(ByteWriter w) {
    ErrorCause.encodeAll(w, causes);
  }
}
