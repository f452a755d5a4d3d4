package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * HEARTBEAT-ACK (RFC 9260 §3.3.6): answers HEARTBEAT with its Heartbeat Information, unchanged.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 5    | Chunk  Flags  |    Heartbeat Length           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Heartbeat Info Type = 1    |         HB Info Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                  Sender-Specific Heartbeat Info                * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record HeartbeatAckChunk(byte[] info) implements Chunk {

  static HeartbeatAckChunk decode(ByteReader r) throws SctpException {
    return new HeartbeatAckChunk(HeartbeatInfo.decode(r));
  }

  @Override
  public int type() {
    return ChunkType.HEARTBEAT_ACK;
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
