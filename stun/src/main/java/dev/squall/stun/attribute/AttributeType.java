package dev.squall.stun.attribute;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of STUN attribute codes this module knows by name: RFC 8489 §18.3, RFC 8445 §16
 * (ICE) and RFC 8656 §18 (TURN). Codes 0x0000–0x7FFF are comprehension-required (a receiver that
 * does not understand one must reject the message, §14), 0x8000–0xFFFF comprehension-optional.
 * Every code listed here has a typed {@link StunAttribute}; codes not listed are carried as {@link
 * RawAttribute}.
 */
public enum AttributeType {
  MAPPED_ADDRESS(0x0001, true),
  USERNAME(0x0006, true),
  MESSAGE_INTEGRITY(0x0008, true),
  ERROR_CODE(0x0009, true),
  UNKNOWN_ATTRIBUTES(0x000A, true),
  CHANNEL_NUMBER(0x000C, true),
  LIFETIME(0x000D, true),
  XOR_PEER_ADDRESS(0x0012, true),
  DATA(0x0013, true),
  REALM(0x0014, true),
  NONCE(0x0015, true),
  XOR_RELAYED_ADDRESS(0x0016, true),
  REQUESTED_ADDRESS_FAMILY(0x0017, true),
  EVEN_PORT(0x0018, true),
  REQUESTED_TRANSPORT(0x0019, true),
  DONT_FRAGMENT(0x001A, true),
  MESSAGE_INTEGRITY_SHA256(0x001C, true),
  PASSWORD_ALGORITHM(0x001D, true),
  USERHASH(0x001E, true),
  XOR_MAPPED_ADDRESS(0x0020, true),
  RESERVATION_TOKEN(0x0022, true),
  PRIORITY(0x0024, true),
  USE_CANDIDATE(0x0025, true),
  ADDITIONAL_ADDRESS_FAMILY(0x8000, true),
  ADDRESS_ERROR_CODE(0x8001, true),
  PASSWORD_ALGORITHMS(0x8002, true),
  ALTERNATE_DOMAIN(0x8003, true),
  ICMP(0x8004, true),
  SOFTWARE(0x8022, true),
  ALTERNATE_SERVER(0x8023, true),
  FINGERPRINT(0x8028, true),
  ICE_CONTROLLED(0x8029, true),
  ICE_CONTROLLING(0x802A, true);

  private static final Map<Integer, AttributeType> BY_CODE = new HashMap<>();

  static {
    for (AttributeType t : values()) {
      BY_CODE.put(t.code, t);
    }
  }

  private final int code;
  private final boolean typed;

  AttributeType(int code, boolean typed) {
    this.code = code;
    this.typed = typed;
  }

  /** The 16-bit attribute type code. */
  public int code() {
    return code;
  }

  /** True when this module decodes the attribute into its own record (not {@link RawAttribute}). */
  public boolean hasTypedCodec() {
    return typed;
  }

  /** True for codes 0x0000–0x7FFF. */
  public boolean isComprehensionRequired() {
    return isComprehensionRequired(code);
  }

  /** True for codes 0x0000–0x7FFF, which a receiver must understand or reject. */
  public static boolean isComprehensionRequired(int code) {
    return (code & 0x8000) == 0;
  }

  /** The named type with this code, if any. */
  public static Optional<AttributeType> of(int code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /** The RFC name of a code, e.g. {@code XOR-MAPPED-ADDRESS}, or {@code 0x1234} when unnamed. */
  public static String nameOf(int code) {
    AttributeType t = BY_CODE.get(code);
    return t == null ? String.format("0x%04x", code) : t.name().replace('_', '-');
  }
}
