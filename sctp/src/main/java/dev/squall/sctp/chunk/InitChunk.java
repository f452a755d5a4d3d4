package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.List;
import java.util.Optional;

/**
 * INIT (RFC 9260 §3.3.2): initiates an association. The State Cookie is not allowed here.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 1    |  Chunk Flags  |      Chunk Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Initiate Tag                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Advertised Receiver Window Credit (a_rwnd)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Number of Outbound Streams   |   Number of Inbound Streams   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Initial TSN                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \              Optional/Variable-Length Parameters               * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record InitChunk(
    int initiateTag,
    long aRwnd,
    int outboundStreams,
    int inboundStreams,
    int initialTsn,
    List<Param> params)
    implements Chunk {

  public InitChunk {
    InitFields.check(aRwnd, outboundStreams, inboundStreams);
    params = List.copyOf(params);
  }

  static InitChunk decode(ByteReader r) throws SctpException {
    InitFields f = InitFields.decode(r, "INIT");
    return new InitChunk(
        f.initiateTag(),
        f.aRwnd(),
        f.outboundStreams(),
        f.inboundStreams(),
        f.initialTsn(),
        f.params());
  }

  /** The first parameter of the given class, if any. */
  public <P extends Param> Optional<P> param(Class<P> kind) {
    return params.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }

  @Override
  public int type() {
    return ChunkType.INIT;
  }

  @Override
  public int valueLength() {
    return InitFields.FIXED + Param.encodedLength(params);
  }

  @Override
  public void writeValue(ByteWriter w) {
    InitFields.write(w, initiateTag, aRwnd, outboundStreams, inboundStreams, initialTsn, params);
  }
}
