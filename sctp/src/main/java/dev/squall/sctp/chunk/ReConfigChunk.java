package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.List;

/**
 * RE-CONFIG (RFC 6525 §3.1): carries one or two re-configuration parameters, here {@link
 * OutgoingSsnResetRequestParam} and {@link ReconfigResponseParam}.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Type = 130    |  Chunk Flags  |      Chunk Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                  Re-configuration Parameter                   \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \             Re-configuration Parameter (optional)             \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ReConfigChunk(List<Param> params) implements Chunk {

  public ReConfigChunk {
    params = List.copyOf(params);
  }

  static ReConfigChunk decode(ByteReader r) throws SctpException {
    List<Param> params = Param.decodeAll(r);
    if (params.isEmpty() || params.size() > 2) {
      throw new SctpException("RE-CONFIG with " + params.size() + " parameters");
    }
    return new ReConfigChunk(params);
  }

  @Override
  public int type() {
    return ChunkType.RE_CONFIG;
  }

  @Override
  public int valueLength() {
    return Param.encodedLength(params);
  }

  @Override
  public void writeValue(ByteWriter w) {
    for (Param p : params) {
      p.encode(w);
    }
  }
}
