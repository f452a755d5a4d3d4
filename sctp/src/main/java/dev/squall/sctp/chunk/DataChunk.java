package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * DATA (RFC 9260 §3.3.1): one fragment of a user message.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 0    |  Res  |I|U|B|E|            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              TSN                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Stream Identifier S      |   Stream Sequence Number n    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Payload Protocol Identifier                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                 User Data (seq n of Stream S)                 \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * U: unordered; B: first fragment; E: last fragment; I: SACK immediately (RFC 7053). The TSN is
 * kept as a 32-bit int compared with serial arithmetic; stream and SSN are 0..65535.
 */
public record DataChunk(
    boolean immediate,
    boolean unordered,
    boolean beginning,
    boolean ending,
    int tsn,
    int streamId,
    int ssn,
    int ppid,
    byte[] payload)
    implements Chunk {

  public static final int FLAG_I = 0x08;
  public static final int FLAG_U = 0x04;
  public static final int FLAG_B = 0x02;
  public static final int FLAG_E = 0x01;

  /** Header bytes before the user data: chunk header plus TSN, stream, SSN and PPID. */
  public static final int OVERHEAD = 16;

  public DataChunk {
    checkU16(streamId, "stream");
    checkU16(ssn, "ssn");
  }

  static DataChunk decode(int flags, ByteReader r) throws SctpException {
    int tsn = r.readI32();
    int stream = r.readU16();
    int ssn = r.readU16();
    int ppid = r.readI32();
    if (!r.hasRemaining()) {
      throw new SctpException("DATA without user data (TSN " + Integer.toUnsignedString(tsn) + ")");
    }
    byte[] payload = r.readBytes(r.remaining());
    return new DataChunk(
        (flags & FLAG_I) != 0,
        (flags & FLAG_U) != 0,
        (flags & FLAG_B) != 0,
        (flags & FLAG_E) != 0,
        tsn,
        stream,
        ssn,
        ppid,
        payload);
  }

  /** The same chunk with another TSN. */
  public DataChunk withTsn(int newTsn) {
    return new DataChunk(
        immediate, unordered, beginning, ending, newTsn, streamId, ssn, ppid, payload);
  }

  @Override
  public int type() {
    return ChunkType.DATA;
  }

  @Override
  public int flags() {
    return (immediate ? FLAG_I : 0)
        | (unordered ? FLAG_U : 0)
        | (beginning ? FLAG_B : 0)
        | (ending ? FLAG_E : 0);
  }

  @Override
  public int valueLength() {
    return 12 + payload.length;
  }

  @Override
  public void writeValue(ByteWriter w) {
    w.putI32(tsn).putU16(streamId).putU16(ssn).putI32(ppid).putBytes(payload);
  }

  @Override
  public String toString() {
    return "DATA[tsn="
        + Integer.toUnsignedString(tsn)
        + " s="
        + streamId
        + " ssn="
        + ssn
        + " ppid="
        + ppid
        + (unordered ? " U" : "")
        + (beginning ? " B" : "")
        + (ending ? " E" : "")
        + " "
        + payload.length
        + "B]";
  }

  static void checkU16(int v, String name) {
    if (v < 0 || v > 0xFFFF) {
      throw new IllegalArgumentException(name + " out of 0..65535: " + v);
    }
  }
}
