package dev.squall.sctp.chunk;

import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * COOKIE-ACK (RFC 9260 §3.3.12): confirms a valid COOKIE-ECHO; the association is established.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 11   |Chunk  Flags   |     Length = 4                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record CookieAckChunk() implements Chunk {

  static CookieAckChunk decode(ByteReader r) {
    return new CookieAckChunk();
  }

  @Override
  public int type() {
    return ChunkType.COOKIE_ACK;
  }

  @Override
  public int valueLength() {
    return 0;
  }

  @Override
  public void writeValue(ByteWriter w) {}
}
