package dev.squall.stun.attribute;

import dev.squall.stun.TransactionId;
import dev.squall.util.ByteWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Any attribute without a typed record here (unknown codes, and the TURN attributes of RFC 8656
 * listed in {@link AttributeType}): the type code and the value bytes, kept so that a message
 * round-trips unchanged.
 *
 * <pre>
 * |         Type                  |            Length             |
 * |                         Value (variable)                ....
 * </pre>
 *
 * @param type the 16-bit type code
 * @param value the value bytes without padding (copied in and out), at most 65,535 bytes
 */
public record RawAttribute(int type, byte[] value) implements StunAttribute {

  public RawAttribute {
    if (type < 0 || type > 0xFFFF) {
      throw new IllegalArgumentException("attribute type out of range: " + type);
    }
    Objects.requireNonNull(value, "value");
    if (value.length > 0xFFFF) {
      throw new IllegalArgumentException("attribute value longer than 65535 bytes");
    }
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The number of value bytes. */
  public int length() {
    return value.length;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putBytes(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawAttribute other
        && type == other.type
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "RawAttribute["
        + AttributeType.nameOf(type)
        + ", "
        + HexFormat.of().formatHex(value)
        + "]";
  }
}
