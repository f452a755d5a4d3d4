package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import dev.squall.util.TruncatedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An error cause (RFC 9260 §3.3.10) carried by ABORT and ERROR. The cause-specific information is
 * kept as bytes; {@link #describe()} renders the common ones.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Cause Code           |         Cause Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                  Cause-Specific Information                   \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public record ErrorCause(int code, byte[] info) {

  public static final int INVALID_STREAM_IDENTIFIER = 1;
  public static final int MISSING_MANDATORY_PARAMETER = 2;
  public static final int STALE_COOKIE = 3;
  public static final int OUT_OF_RESOURCE = 4;
  public static final int UNRECOGNIZED_CHUNK_TYPE = 6;
  public static final int INVALID_MANDATORY_PARAMETER = 7;
  public static final int UNRECOGNIZED_PARAMETERS = 8;
  public static final int NO_USER_DATA = 9;
  public static final int PROTOCOL_VIOLATION = 13;
  public static final int USER_INITIATED_ABORT = 12;

  public ErrorCause {
    DataChunk.checkU16(code, "cause code");
  }

  /** User-Initiated Abort (code 12) with a UTF-8 reason. */
  public static ErrorCause userAbort(String reason) {
    return new ErrorCause(USER_INITIATED_ABORT, reason.getBytes(StandardCharsets.UTF_8));
  }

  /** Protocol Violation (code 13) with a UTF-8 explanation. */
  public static ErrorCause protocolViolation(String reason) {
    return new ErrorCause(PROTOCOL_VIOLATION, reason.getBytes(StandardCharsets.UTF_8));
  }

  /** A short human-readable rendering for logs and close reasons. */
  public String describe() {
    return switch (code) {
      case USER_INITIATED_ABORT -> "user abort: " + new String(info, StandardCharsets.UTF_8);
      case PROTOCOL_VIOLATION -> "protocol violation: " + new String(info, StandardCharsets.UTF_8);
      case STALE_COOKIE -> "stale cookie";
      case OUT_OF_RESOURCE -> "out of resource";
      case NO_USER_DATA -> "no user data";
      case UNRECOGNIZED_CHUNK_TYPE -> "unrecognized chunk type";
      case INVALID_STREAM_IDENTIFIER -> "invalid stream identifier";
      default -> "cause " + code;
    };
  }

  int encodedLength() {
    return (4 + info.length + 3) & ~3;
  }

  void encode(ByteWriter w) {
    w.putU16(code).putU16(4 + info.length).putBytes(info);
    w.putZeros((4 - ((4 + info.length) & 3)) & 3);
  }

  static List<ErrorCause> decodeAll(ByteReader r) throws SctpException {
    List<ErrorCause> out = new ArrayList<>();
    try {
      while (r.hasRemaining()) {
        int code = r.readU16();
        int length = r.readU16();
        if (length < 4 || length - 4 > r.remaining()) {
          throw new SctpException("bad error cause length " + length);
        }
        out.add(new ErrorCause(code, r.readBytes(length - 4)));
        r.skip(Math.min((4 - (length & 3)) & 3, r.remaining()));
      }
    } catch (TruncatedInputException e) {
      throw new SctpException("truncated error cause", e);
    }
    return List.copyOf(out);
  }

  static int encodedLength(List<ErrorCause> causes) {
    int n = 0;
    for (ErrorCause c : causes) {
      n += c.encodedLength();
    }
    return n;
  }

  static void encodeAll(ByteWriter w, List<ErrorCause> causes) {
    for (ErrorCause c : causes) {
      c.encode(w);
    }
  }
}
