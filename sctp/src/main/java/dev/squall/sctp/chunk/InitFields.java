package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.List;

/** The fixed fields shared by INIT and INIT-ACK, and their codec. */
record InitFields(
    int initiateTag,
    long aRwnd,
    int outboundStreams,
    int inboundStreams,
    int initialTsn,
    List<Param> params) {

  static final int FIXED = 16;

  static InitFields decode(ByteReader r, String name) throws SctpException {
    int tag = r.readI32();
    long rwnd = r.readU32();
    int os = r.readU16();
    int mis = r.readU16();
    int tsn = r.readI32();
    if (tag == 0) {
      throw new SctpException(name + " with initiate tag 0");
    }
    if (os == 0 || mis == 0) {
      throw new SctpException(name + " with zero streams (os " + os + ", mis " + mis + ")");
    }
    return new InitFields(tag, rwnd, os, mis, tsn, Param.decodeAll(r));
  }

  static void write(
      ByteWriter w,
      int initiateTag,
      long aRwnd,
      int outboundStreams,
      int inboundStreams,
      int initialTsn,
      List<Param> params) {
    w.putI32(initiateTag)
        .putU32(aRwnd)
        .putU16(outboundStreams)
        .putU16(inboundStreams)
        .putI32(initialTsn);
    for (Param p : params) {
      p.encode(w);
    }
  }

  static void check(long aRwnd, int outboundStreams, int inboundStreams) {
    if (aRwnd < 0 || aRwnd > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("a_rwnd out of range: " + aRwnd);
    }
    DataChunk.checkU16(outboundStreams, "outbound streams");
    DataChunk.checkU16(inboundStreams, "inbound streams");
  }
}
