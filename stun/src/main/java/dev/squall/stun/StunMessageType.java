package dev.squall.stun;

import java.util.Objects;

/**
 * The 14-bit STUN message type (RFC 8489 §5): a 12-bit method interleaved with the 2-bit class.
 *
 * <pre>
 *  0                 1
 *  2  3  4 5 6 7 8 9 0 1 2 3 4 5
 * +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
 * |M |M |M|M|M|C|M|M|M|C|M|M|M|M|
 * |11|10|9|8|7|1|6|5|4|0|3|2|1|0|
 * +--+--+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param method the method
 * @param messageClass the class
 */
public record StunMessageType(StunMethod method, StunClass messageClass) {

  public static final StunMessageType BINDING_REQUEST =
      new StunMessageType(StunMethod.BINDING, StunClass.REQUEST);
  public static final StunMessageType BINDING_INDICATION =
      new StunMessageType(StunMethod.BINDING, StunClass.INDICATION);
  public static final StunMessageType BINDING_SUCCESS =
      new StunMessageType(StunMethod.BINDING, StunClass.SUCCESS_RESPONSE);
  public static final StunMessageType BINDING_ERROR =
      new StunMessageType(StunMethod.BINDING, StunClass.ERROR_RESPONSE);

  public StunMessageType {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(messageClass, "messageClass");
  }

  /** The same method with another class, e.g. the success response to a request. */
  public StunMessageType withClass(StunClass newClass) {
    return new StunMessageType(method, newClass);
  }

  /** The 16-bit type field (the two top bits are always zero). */
  public int encode() {
    int m = method.code();
    int c = messageClass.bits();
    return ((m & 0xF80) << 2)
        | ((m & 0x070) << 1)
        | (m & 0x00F)
        | ((c & 0b10) << 7)
        | ((c & 0b01) << 4);
  }

  /** Decodes a 16-bit type field; the two top bits must already have been checked to be zero. */
  public static StunMessageType decode(int field) {
    int m = ((field >>> 2) & 0xF80) | ((field >>> 1) & 0x070) | (field & 0x00F);
    int c = ((field >>> 7) & 0b10) | ((field >>> 4) & 0b01);
    return new StunMessageType(new StunMethod(m), StunClass.ofBits(c));
  }

  @Override
  public String toString() {
    return method + " " + messageClass;
  }
}
