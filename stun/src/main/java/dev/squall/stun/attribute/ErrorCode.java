package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * ERROR-CODE (0x0009, RFC 8489 §14.8): a numeric error code 300–699 and a UTF-8 reason phrase of
 * fewer than 128 characters. The code is split into the hundreds digit (Class, 3–6) and the
 * remainder (Number, 0–99).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Reserved, should be 0         |Class|     Number    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Reason Phrase (variable)                                ..
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param code the error code, 300–699
 * @param reason the reason phrase (may be empty)
 */
public record ErrorCode(int code, String reason) implements StunAttribute {

  public static final int TYPE = 0x0009;

  public static final int TRY_ALTERNATE = 300;
  public static final int BAD_REQUEST = 400;
  public static final int UNAUTHENTICATED = 401;
  public static final int UNKNOWN_ATTRIBUTE = 420;
  public static final int STALE_NONCE = 438;
  public static final int ROLE_CONFLICT = 487;
  public static final int SERVER_ERROR = 500;

  public ErrorCode {
    if (code < 300 || code > 699) {
      throw new IllegalArgumentException("error code out of range 300-699: " + code);
    }
    Values.shortText(reason, "reason phrase");
  }

  /** The error with the RFC's recommended reason phrase (or an empty one for other codes). */
  public static ErrorCode of(int code) {
    String reason =
        switch (code) {
          case TRY_ALTERNATE -> "Try Alternate";
          case BAD_REQUEST -> "Bad Request";
          case UNAUTHENTICATED -> "Unauthenticated";
          case UNKNOWN_ATTRIBUTE -> "Unknown Attribute";
          case STALE_NONCE -> "Stale Nonce";
          case ROLE_CONFLICT -> "Role Conflict";
          case SERVER_ERROR -> "Server Error";
          default -> "";
        };
    return new ErrorCode(code, reason);
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putU16(0);
    out.putU8(code / 100);
    out.putU8(code % 100);
    out.putUtf8(reason);
  }

  static ErrorCode decode(ByteReader value) throws StunException {
    if (value.remaining() < 4) {
      throw new StunException("ERROR-CODE shorter than 4 bytes");
    }
    value.readU16(); // reserved
    int errorClass = value.readU8() & 0x07; // the upper 5 bits of this byte are reserved
    int number = value.readU8();
    if (errorClass < 3 || errorClass > 6 || number > 99) {
      throw new StunException("ERROR-CODE out of range: class " + errorClass + " number " + number);
    }
    String reason = Values.readText(value, Values.MAX_DECODED_TEXT_BYTES, "ERROR-CODE reason");
    return new ErrorCode(errorClass * 100 + number, reason);
  }
}
