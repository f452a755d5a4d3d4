package dev.squall.sctp.internal;

import dev.squall.sctp.chunk.ErrorCause;
import dev.squall.sctp.chunk.ErrorChunk;
import java.util.List;

/** The ERROR chunk for DATA on a stream beyond the negotiated count (RFC 9260 §6.5). */
final class InvalidStream {
  private InvalidStream() {}

  static ErrorChunk error(int stream) {
    byte[] info = {(byte) (stream >>> 8), (byte) stream, 0, 0};
    return new ErrorChunk(List.of(new ErrorCause(ErrorCause.INVALID_STREAM_IDENTIFIER, info)));
  }
}
