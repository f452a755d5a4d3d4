package dev.squall.stun.attribute;

import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * DATA (0x0013, RFC 8656 §18.4): the application datagram carried in a Send or Data indication. The
 * value is the datagram itself, 0–65,535 bytes (padding is not part of it).
 *
 * @param value the datagram bytes (copied in and out; {@link #buffer()} reads without a copy)
 */
public record Data(byte[] value) implements StunAttribute {

  public static final int TYPE = 0x0013;

  public Data {
    Objects.requireNonNull(value, "value");
    if (value.length > 0xFFFF) {
      throw new IllegalArgumentException("DATA longer than 65535 bytes: " + value.length);
    }
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** A read-only view of the datagram, without copying it. */
  public ByteBuffer buffer() {
    return ByteBuffer.wrap(value).asReadOnlyBuffer();
  }

  /** The datagram's length in bytes. */
  public int length() {
    return value.length;
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putBytes(value);
  }

  static Data decode(ByteReader value) {
    return new Data(value.readBytes(value.remaining()));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Data other && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "Data[" + value.length + " bytes]";
  }
}
