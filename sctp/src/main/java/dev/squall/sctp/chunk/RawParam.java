package dev.squall.sctp.chunk;

import dev.squall.util.ByteWriter;

/**
 * A parameter this implementation does not interpret, kept as bytes. The upper two bits of the type
 * tell the receiver what to do (RFC 9260 §3.2.1): 00 stop processing and discard, 01 stop and
 * report, 10 skip, 11 skip and report.
 *
 * <pre>
 * |        Parameter Type         |       Parameter Length        |
 * \                       Parameter Value                         \
 * </pre>
 */
public record RawParam(int type, byte[] value) implements Param {

  public RawParam {
    DataChunk.checkU16(type, "parameter type");
  }

  /** True when the type says to stop processing the chunk that carries it. */
  public boolean stopProcessing() {
    return (type & 0x8000) == 0;
  }

  /** True when the type says to report it as unrecognized. */
  public boolean report() {
    return (type & 0x4000) != 0;
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
