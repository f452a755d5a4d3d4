package dev.squall.sctp.chunk;

import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * A chunk of a type this implementation does not know, kept raw. The two upper bits of the type say
 * what the receiver does (RFC 9260 §3.2): 00 stop processing the packet and discard; 01 the same
 * and report it in an ERROR (Unrecognized Chunk Type); 10 skip it and go on; 11 skip, go on and
 * report.
 *
 * <pre>
 * |   Chunk Type  | Chunk  Flags  |        Chunk Length           |
 * \                          Chunk Value                          \
 * </pre>
 */
public record UnknownChunk(int type, int flags, byte[] value) implements Chunk {

  public UnknownChunk {
    if (type < 0 || type > 255 || flags < 0 || flags > 255) {
      throw new IllegalArgumentException("type/flags out of range");
    }
  }

  static UnknownChunk decode(int type, int flags, ByteReader r) {
    return new UnknownChunk(type, flags, r.readBytes(r.remaining()));
  }

  /** True when the rest of the packet must be discarded. */
  public boolean stopProcessing() {
    return (type & 0x80) == 0;
  }

  /** True when the chunk must be reported in an ERROR chunk. */
  public boolean report() {
    return (type & 0x40) != 0;
  }

  @Override
  public int valueLength() {
    return value.length;
  }

  @Override
  public void writeValue(ByteWriter w) {
    w.putBytes(value);
  }
}
