package dev.squall.sctp.chunk;

import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * COOKIE-ECHO (RFC 9260 §3.3.11): returns the State Cookie of the INIT-ACK, unchanged.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 10   |Chunk  Flags   |         Length                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                     Cookie                                    /
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record CookieEchoChunk(byte[] cookie) implements Chunk {

  static CookieEchoChunk decode(ByteReader r) {
    return new CookieEchoChunk(r.readBytes(r.remaining()));
  }

  @Override
  public int type() {
    return ChunkType.COOKIE_ECHO;
  }

  @Override
  public int valueLength() {
    return cookie.length;
  }

  @Override
  public void writeValue(ByteWriter w) {
    w.putBytes(cookie);
  }
}
