package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.List;

/**
 * ERROR (RFC 9260 §3.3.10): reports conditions that do not close the association.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 9    | Chunk  Flags  |           Length              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                    One or more Error Causes                   \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ErrorChunk(List<ErrorCause> causes) implements Chunk {

  public ErrorChunk {
    causes = List.copyOf(causes);
  }

  static ErrorChunk decode(ByteReader r) throws SctpException {
    return new ErrorChunk(ErrorCause.decodeAll(r));
  }

  @Override
  public int type() {
    return ChunkType.ERROR;
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
