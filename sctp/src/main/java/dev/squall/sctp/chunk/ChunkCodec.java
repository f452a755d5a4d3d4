package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import dev.squall.util.TruncatedInputException;

/**
 * Encodes and decodes chunks: the common chunk header (see {@link Chunk}), dispatch by type to the
 * chunk's own decoder, and padding. Decoding throws only {@link SctpException}.
 */
public final class ChunkCodec {

  /** Bytes of the chunk header (type, flags, length). */
  public static final int HEADER = 4;

  private ChunkCodec() {}

  static void encode(Chunk chunk, ByteWriter w) {
    int length = HEADER + chunk.valueLength();
    w.putU8(chunk.type());
    w.putU8(chunk.flags());
    w.putU16(length);
    int before = w.size();
    chunk.writeValue(w);
    if (w.size() - before != chunk.valueLength()) {
      throw new IllegalStateException(
          ChunkType.name(chunk.type()) + " wrote " + (w.size() - before) + " value bytes");
    }
    w.putZeros((4 - (length & 3)) & 3);
  }

  /** Encodes one chunk on its own, padding included. */
  public static byte[] encode(Chunk chunk) {
    ByteWriter w = new ByteWriter(chunk.encodedLength());
    encode(chunk, w);
    return w.toByteArray();
  }

  /** Decodes one chunk and its padding (which may be missing at the end of the input). */
  public static Chunk decode(ByteReader r) throws SctpException {
    try {
      int type = r.readU8();
      int flags = r.readU8();
      int length = r.readU16();
      if (length < HEADER) {
        throw new SctpException("chunk length " + length + " below header size");
      }
      if (length - HEADER > r.remaining()) {
        throw new SctpException(
            ChunkType.name(type) + " length " + length + " beyond packet (" + r.remaining() + ")");
      }
      ByteReader value = r.slice(length - HEADER);
      r.skip(Math.min((4 - (length & 3)) & 3, r.remaining()));
      Chunk chunk = decodeValue(type, flags, value);
      if (value.hasRemaining() && !(chunk instanceof UnknownChunk)) {
        // trailing bytes in a fixed-layout chunk are tolerated only where the RFC allows TLVs
        throw new SctpException(
            ChunkType.name(type) + " has " + value.remaining() + " extra bytes");
      }
      return chunk;
    } catch (TruncatedInputException e) {
      throw new SctpException("truncated chunk: " + e.getMessage(), e);
    }
  }

  /** Decodes the value of one chunk. */
  public static Chunk decodeValue(int type, int flags, ByteReader value) throws SctpException {
    try {
      return switch (type) {
        case ChunkType.DATA -> DataChunk.decode(flags, value);
        case ChunkType.INIT -> InitChunk.decode(value);
        case ChunkType.INIT_ACK -> InitAckChunk.decode(value);
        case ChunkType.SACK -> SackChunk.decode(value);
        case ChunkType.HEARTBEAT -> HeartbeatChunk.decode(value);
        case ChunkType.HEARTBEAT_ACK -> HeartbeatAckChunk.decode(value);
        case ChunkType.ABORT -> AbortChunk.decode(flags, value);
        case ChunkType.SHUTDOWN -> ShutdownChunk.decode(value);
        case ChunkType.SHUTDOWN_ACK -> ShutdownAckChunk.decode(value);
        case ChunkType.ERROR -> ErrorChunk.decode(value);
        case ChunkType.COOKIE_ECHO -> CookieEchoChunk.decode(value);
        case ChunkType.COOKIE_ACK -> CookieAckChunk.decode(value);
        case ChunkType.SHUTDOWN_COMPLETE -> ShutdownCompleteChunk.decode(flags, value);
        case ChunkType.RE_CONFIG -> ReConfigChunk.decode(value);
        case ChunkType.FORWARD_TSN -> ForwardTsnChunk.decode(value);
        default -> UnknownChunk.decode(type, flags, value);
      };
    } catch (TruncatedInputException e) {
      throw new SctpException("truncated " + ChunkType.name(type) + ": " + e.getMessage(), e);
    }
  }
}
