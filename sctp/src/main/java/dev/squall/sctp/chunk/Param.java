package dev.squall.sctp.chunk;

import dev.squall.sctp.SctpException;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import dev.squall.util.TruncatedInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * A variable-length parameter (RFC 9260 §3.2.1) carried by INIT, INIT-ACK and RE-CONFIG.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Parameter Type         |       Parameter Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * \                       Parameter Value                         \
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Unknown types decode to {@link RawParam}; the two upper bits of the type say what a receiver does
 * with them (§3.2.1), see {@link RawParam#stopProcessing()} and {@link RawParam#report()}.
 */
public sealed interface Param
    permits StateCookieParam,
        ForwardTsnSupportedParam,
        SupportedExtensionsParam,
        UnrecognizedParam,
        OutgoingSsnResetRequestParam,
        ReconfigResponseParam,
        RawParam {

  int STATE_COOKIE = 7;
  int UNRECOGNIZED = 8;
  int OUTGOING_SSN_RESET_REQUEST = 13;
  int RECONFIG_RESPONSE = 16;
  int SUPPORTED_EXTENSIONS = 0x8008;
  int FORWARD_TSN_SUPPORTED = 0xC000;

  int type();

  int valueLength();

  void writeValue(ByteWriter w);

  /** Header, value and padding. */
  default int encodedLength() {
    return (4 + valueLength() + 3) & ~3;
  }

  default void encode(ByteWriter w) {
    int length = 4 + valueLength();
    w.putU16(type()).putU16(length);
    writeValue(w);
    w.putZeros((4 - (length & 3)) & 3);
  }

  /** Decodes one parameter and its padding. */
  static Param decode(ByteReader r) throws SctpException {
    try {
      int type = r.readU16();
      int length = r.readU16();
      if (length < 4 || length - 4 > r.remaining()) {
        throw new SctpException("bad parameter length " + length + " for type " + type);
      }
      ByteReader v = r.slice(length - 4);
      r.skip(Math.min((4 - (length & 3)) & 3, r.remaining()));
      Param p =
          switch (type) {
            case STATE_COOKIE -> new StateCookieParam(v.readBytes(v.remaining()));
            case UNRECOGNIZED -> new UnrecognizedParam(v.readBytes(v.remaining()));
            case FORWARD_TSN_SUPPORTED -> new ForwardTsnSupportedParam();
            case SUPPORTED_EXTENSIONS -> SupportedExtensionsParam.decode(v);
            case OUTGOING_SSN_RESET_REQUEST -> OutgoingSsnResetRequestParam.decode(v);
            case RECONFIG_RESPONSE -> ReconfigResponseParam.decode(v);
            default -> new RawParam(type, v.readBytes(v.remaining()));
          };
      if (v.hasRemaining()) {
        throw new SctpException("parameter " + type + " has " + v.remaining() + " extra bytes");
      }
      return p;
    } catch (TruncatedInputException e) {
      throw new SctpException("truncated parameter: " + e.getMessage(), e);
    }
  }

  /** Decodes parameters until the reader is empty. */
  static List<Param> decodeAll(ByteReader r) throws SctpException {
    List<Param> out = new ArrayList<>();
    while (r.hasRemaining()) {
      out.add(decode(r));
    }
    return List.copyOf(out);
  }

  static int encodedLength(List<? extends Param> params) {
    int n = 0;
    for (Param p : params) {
      n += p.encodedLength();
    }
    return n;
  }
}
