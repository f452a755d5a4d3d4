package dev.squall.sctp.chunk;

import dev.squall.util.ByteWriter;

/**
 * One SCTP chunk (RFC 9260 §3.2). Every chunk shares this header; the value's layout depends on the
 * type and lives in the implementing record.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Chunk Type  | Chunk  Flags  |        Chunk Length           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                          Chunk Value                          \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The chunk length counts the header and the value but not the padding to a multiple of 4 bytes.
 * Decode with {@link ChunkCodec}.
 */
public sealed interface Chunk
    permits AbortChunk,
        CookieAckChunk,
        CookieEchoChunk,
        DataChunk,
        ErrorChunk,
        ForwardTsnChunk,
        HeartbeatAckChunk,
        HeartbeatChunk,
        InitAckChunk,
        InitChunk,
        ReConfigChunk,
        SackChunk,
        ShutdownAckChunk,
        ShutdownChunk,
        ShutdownCompleteChunk,
        UnknownChunk {

  /** The chunk type code. */
  int type();

  /** The 8 flag bits. */
  default int flags() {
    return 0;
  }

  /** Length of the value in bytes, without header or padding. */
  int valueLength();

  /** Writes the value (no header, no padding). */
  void writeValue(ByteWriter w);

  /** Bytes this chunk takes in a packet: header, value and padding. */
  default int encodedLength() {
    return (ChunkCodec.HEADER + valueLength() + 3) & ~3;
  }

  /** Writes the whole chunk, header and padding included. */
  default void encode(ByteWriter w) {
    ChunkCodec.encode(this, w);
  }
}
