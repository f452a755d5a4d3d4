package dev.squall.sctp.chunk;

import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Outgoing SSN Reset Request (RFC 6525 §4.1, type 13) in RE-CONFIG: the sender resets the listed
 * outgoing streams (all when the list is empty) once the peer has received every TSN up to the
 * sender's last assigned TSN.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Parameter Type = 13       | Parameter Length = 16 + 2 * N |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Re-configuration Request Sequence Number            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Re-configuration Response Sequence Number           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Sender's Last Assigned TSN                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Stream Number 1 (optional)   |    Stream Number 2 (optional) |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record OutgoingSsnResetRequestParam(
    int requestSeq, int responseSeq, int lastAssignedTsn, List<Integer> streams) implements Param {

  public OutgoingSsnResetRequestParam {
    streams = List.copyOf(streams);
    for (int s : streams) {
      DataChunk.checkU16(s, "stream");
    }
  }

  static OutgoingSsnResetRequestParam decode(ByteReader r) {
    int req = r.readI32();
    int resp = r.readI32();
    int last = r.readI32();
    List<Integer> streams = new ArrayList<>();
    while (r.remaining() >= 2) {
      streams.add(r.readU16());
    }
    r.skip(r.remaining());
    return new OutgoingSsnResetRequestParam(req, resp, last, streams);
  }

  @Override
  public int type() {
    return OUTGOING_SSN_RESET_REQUEST;
  }

  @Override
  public int valueLength() {
    return 12 + 2 * streams.size();
  }

  @Override
  public void writeValue(ByteWriter w) {
    w.putI32(requestSeq).putI32(responseSeq).putI32(lastAssignedTsn);
    for (int s : streams) {
      w.putU16(s);
    }
  }
}
