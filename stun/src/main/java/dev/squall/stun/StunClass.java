package dev.squall.stun;

/**
 * The class of a STUN message (RFC 8489 §5): the two bits C1 C0 of the message type.
 *
 * <pre>
 *   0b00 request   0b01 indication   0b10 success response   0b11 error response
 * </pre>
 */
public enum StunClass {
  REQUEST(0b00),
  INDICATION(0b01),
  SUCCESS_RESPONSE(0b10),
  ERROR_RESPONSE(0b11);

  private final int bits;

  StunClass(int bits) {
    this.bits = bits;
  }

  /** The two class bits, C1 C0. */
  public int bits() {
    return bits;
  }

  /** True for success and error responses. */
  public boolean isResponse() {
    return this == SUCCESS_RESPONSE || this == ERROR_RESPONSE;
  }

  /** The class with the given two bits (only the low two bits are used). */
  public static StunClass ofBits(int bits) {
    return switch (bits & 0b11) {
      case 0b00 -> REQUEST;
      case 0b01 -> INDICATION;
      case 0b10 -> SUCCESS_RESPONSE;
      default -> ERROR_RESPONSE;
    };
  }
}
