package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * HEARTBEAT (RFC 9260 §3.3.5): probes the peer; the peer echoes the Heartbeat Information in
 * HEARTBEAT-ACK.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 4    | Chunk  Flags  |    Heartbeat Length           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Heartbeat Info Type = 1    |         HB Info Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                  Sender-Specific Heartbeat Info                * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record HeartbeatChunk(byte[] info) implements Chunk {

  static HeartbeatChunk decode(ByteReader r) throws SctpException {
    return new HeartbeatChunk(HeartbeatInfo.decode(r));
  }

  @Override
  public int type() {
    return ChunkType.HEARTBEAT;
  }

  @Override
  public int valueLength() {
    return HeartbeatInfo.length(info);
  }

  @Override
  public void writeValue(ByteWriter w) {
    HeartbeatInfo.write(w, info);
  }
}
