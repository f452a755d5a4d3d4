package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/** The Heartbeat Information parameter (type 1) shared by HEARTBEAT and HEARTBEAT-ACK. */
final class HeartbeatInfo {
  static final int TYPE = 1;

  private HeartbeatInfo() {}

  static byte[] decode(ByteReader r) throws SctpException {
    int type = r.readU16();
    int length = r.readU16();
    if (type != TYPE || length < 4 || length - 4 > r.remaining()) {
      throw new SctpException("bad heartbeat info type " + type + " length " + length);
    }
    byte[] info = r.readBytes(length - 4);
    r.skip(r.remaining()); // padding, and any further parameters we do not use
    return info;
  }

  /** Value length: the info parameter with padding (it is the only parameter). */
  static int length(byte[] info) {
    return (4 + info.length + 3) & ~3;
  }

  static void write(ByteWriter w, byte[] info) {
    w.putU16(TYPE).putU16(4 + info.length).putBytes(info);
    w.putZeros((4 - ((4 + info.length) & 3)) & 3);
  }
}
