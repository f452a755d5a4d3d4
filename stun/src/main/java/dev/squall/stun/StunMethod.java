package dev.squall.stun;

/**
 * A STUN method (RFC 8489 §5, §18.2): a 12-bit code. Binding is the one method of STUN itself; the
 * TURN methods of RFC 8656 §17 are listed so that messages print readably. Unknown codes are valid
 * values too: a decoder keeps whatever method the wire carries.
 *
 * @param code the method, 0x000–0xFFF
 */
public record StunMethod(int code) {

  public static final StunMethod BINDING = new StunMethod(0x001);
  public static final StunMethod ALLOCATE = new StunMethod(0x003);
  public static final StunMethod REFRESH = new StunMethod(0x004);
  public static final StunMethod SEND = new StunMethod(0x006);
  public static final StunMethod DATA = new StunMethod(0x007);
  public static final StunMethod CREATE_PERMISSION = new StunMethod(0x008);
  public static final StunMethod CHANNEL_BIND = new StunMethod(0x009);

  public StunMethod {
    if (code < 0 || code > 0xFFF) {
      throw new IllegalArgumentException("STUN method out of range: " + code);
    }
  }

  /** The RFC name of the method, or its hexadecimal code when unknown. */
  public String name() {
    return switch (code) {
      case 0x001 -> "Binding";
      case 0x003 -> "Allocate";
      case 0x004 -> "Refresh";
      case 0x006 -> "Send";
      case 0x007 -> "Data";
      case 0x008 -> "CreatePermission";
      case 0x009 -> "ChannelBind";
      default -> String.format("0x%03x", code);
    };
  }

  @Override
  public String toString() {
    return name();
  }
}
