package dev.squall.stun;

import dev.squall.stun.attribute.AttributeCodec;
import dev.squall.stun.attribute.Fingerprint;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.MessageIntegritySha256;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.internal.MessageAuth;
import dev.squall.util.ByteReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An immutable STUN message (RFC 8489 §5): type (method and class), 96-bit transaction ID and an
 * ordered list of attributes, together with its exact wire bytes.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0 0|     STUN Message Type     |         Message Length        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Magic Cookie                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * |                     Transaction ID (96 bits)                  |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #decode} is sans-I/O and hostile-input safe: it throws only {@link StunException}
 *       (never an unchecked exception), checks the header (two zero bits, magic cookie, length a
 *       multiple of 4 and equal to the bytes given) and every attribute's length, and keeps
 *       attributes without a typed record as {@code RawAttribute}. Padding bytes are ignored.
 *   <li>A message carries its wire form: {@link #encode()} returns exactly the bytes it was decoded
 *       from (padding included) or the bytes {@link StunMessageBuilder} produced. This keeps
 *       MESSAGE-INTEGRITY and FINGERPRINT meaningful; to change a message, build a new one.
 *   <li>Integrity and fingerprint are verified over the wire bytes with the length field adjusted
 *       as RFC 8489 §14.5–§14.7 specify. Attributes after MESSAGE-INTEGRITY are kept in {@link
 *       #attributes()}; RFC 8489 §9 says receivers ignore them (except MESSAGE-INTEGRITY-SHA256 and
 *       FINGERPRINT), which is the caller's concern.
 * </ul>
 */
public final class StunMessage {

  /** The fixed magic cookie of RFC 8489 §5. */
  public static final int MAGIC_COOKIE = 0x2112A442;

  /** The length of the message header. */
  public static final int HEADER_LENGTH = 20;

  /** The largest attribute section the 16-bit length field can describe (a multiple of 4). */
  public static final int MAX_BODY_LENGTH = 0xFFFC;

  private final StunMessageType type;
  private final TransactionId transactionId;
  private final List<StunAttribute> attributes;
  private final byte[] wire;

  StunMessage(
      StunMessageType type,
      TransactionId transactionId,
      List<StunAttribute> attributes,
      byte[] wire) {
    this.type = type;
    this.transactionId = transactionId;
    this.attributes = List.copyOf(attributes);
    this.wire = wire;
  }

  /** A builder for a new message; see {@link StunMessageBuilder}. */
  public static StunMessageBuilder builder(StunMessageType type, TransactionId transactionId) {
    return new StunMessageBuilder(type, transactionId);
  }

  /** Decodes a whole array. */
  public static StunMessage decode(byte[] data) throws StunException {
    if (data == null) {
      throw new StunException("no data");
    }
    return decode(data, 0, data.length);
  }

  /**
   * Decodes exactly {@code length} bytes at {@code offset} as one STUN message. The bytes are
   * copied; the array may be reused afterwards.
   *
   * @throws StunException when the bytes are not one well-formed STUN message (the only exception
   *     this method throws, whatever the input, including a null array or a bad slice)
   */
  public static StunMessage decode(byte[] data, int offset, int length) throws StunException {
    if (data == null) {
      throw new StunException("no data");
    }
    if (offset < 0 || length < 0 || offset > data.length - length) {
      throw new StunException("slice " + offset + "+" + length + " outside " + data.length);
    }
    try {
      return decodeChecked(data, offset, length);
    } catch (StunException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StunException("malformed STUN message: " + e.getMessage(), e);
    }
  }

  private static StunMessage decodeChecked(byte[] data, int offset, int length)
      throws StunException {
    if (length < HEADER_LENGTH) {
      throw new StunException("shorter than a STUN header: " + length + " bytes");
    }
    ByteReader r = new ByteReader(data, offset, length);
    int typeField = r.readU16();
    if ((typeField & 0xC000) != 0) {
      throw new StunException("the first two bits are not zero");
    }
    int bodyLength = r.readU16();
    if (bodyLength % 4 != 0) {
      throw new StunException("message length " + bodyLength + " is not a multiple of 4");
    }
    if (bodyLength != length - HEADER_LENGTH) {
      throw new StunException(
          "message length " + bodyLength + " but " + (length - HEADER_LENGTH) + " bytes follow");
    }
    if (r.readI32() != MAGIC_COOKIE) {
      throw new StunException("no magic cookie");
    }
    TransactionId tid = TransactionId.of(r.readBytes(TransactionId.LENGTH));
    List<StunAttribute> attributes = new ArrayList<>();
    while (r.hasRemaining()) {
      if (r.remaining() < 4) {
        throw new StunException("truncated attribute header");
      }
      int attrType = r.readU16();
      int attrLength = r.readU16();
      int padded = (attrLength + 3) & ~3;
      if (padded > r.remaining()) {
        throw new StunException(
            "attribute 0x" + Integer.toHexString(attrType) + " overruns the message");
      }
      ByteReader value = r.slice(attrLength);
      r.skip(padded - attrLength);
      StunAttribute attribute = AttributeCodec.decode(attrType, value, tid);
      if (value.hasRemaining()) {
        throw new StunException(
            "attribute 0x" + Integer.toHexString(attrType) + " has trailing bytes");
      }
      attributes.add(attribute);
    }
    byte[] wire = Arrays.copyOfRange(data, offset, offset + length);
    return new StunMessage(StunMessageType.decode(typeField), tid, attributes, wire);
  }

  /**
   * A cheap test for demultiplexing (RFC 7983, RFC 8489 §5): at least a header, the first two bits
   * zero, the magic cookie, and a length field that is a multiple of 4 and matches {@code length}.
   * Never throws for a valid slice; false for a null array or a bad slice.
   */
  public static boolean looksLikeStun(byte[] data, int offset, int length) {
    if (data == null || offset < 0 || length < HEADER_LENGTH || offset > data.length - length) {
      return false;
    }
    int bodyLength = ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
    int cookie =
        ((data[offset + 4] & 0xFF) << 24)
            | ((data[offset + 5] & 0xFF) << 16)
            | ((data[offset + 6] & 0xFF) << 8)
            | (data[offset + 7] & 0xFF);
    return (data[offset] & 0xC0) == 0
        && cookie == MAGIC_COOKIE
        && bodyLength % 4 == 0
        && bodyLength == length - HEADER_LENGTH;
  }

  public StunMessageType type() {
    return type;
  }

  public StunMethod method() {
    return type.method();
  }

  public StunClass messageClass() {
    return type.messageClass();
  }

  public TransactionId transactionId() {
    return transactionId;
  }

  /** All attributes in wire order (immutable). */
  public List<StunAttribute> attributes() {
    return attributes;
  }

  /**
   * The first attribute of the given record type, if any (RFC 8489 §14: later duplicates are
   * ignored).
   */
  public <T extends StunAttribute> Optional<T> attribute(Class<T> kind) {
    for (StunAttribute a : attributes) {
      if (kind.isInstance(a)) {
        return Optional.of(kind.cast(a));
      }
    }
    return Optional.empty();
  }

  /** The first attribute with the given type code, if any. */
  public Optional<StunAttribute> attribute(int typeCode) {
    return attributes.stream().filter(a -> a.type() == typeCode).findFirst();
  }

  /** The wire bytes (a copy). */
  public byte[] encode() {
    return wire.clone();
  }

  /** The length of the wire form, header included. */
  public int encodedLength() {
    return wire.length;
  }

  /**
   * True when at least one of MESSAGE-INTEGRITY and MESSAGE-INTEGRITY-SHA256 is present and every
   * one present verifies with {@code key} (short-term: the password bytes; long-term: see {@link
   * StunCredentials}). False for a null or empty key.
   */
  public boolean verifyIntegrity(byte[] key) {
    boolean sha1 = attribute(MessageIntegrity.class).isPresent();
    boolean sha256 = attribute(MessageIntegritySha256.class).isPresent();
    return (sha1 || sha256)
        && (!sha1 || verifyMessageIntegrity(key))
        && (!sha256 || verifyMessageIntegritySha256(key));
  }

  /** True when MESSAGE-INTEGRITY (HMAC-SHA1) is present and verifies with {@code key}. */
  public boolean verifyMessageIntegrity(byte[] key) {
    int at = offsetOf(MessageIntegrity.TYPE);
    if (at < 0 || key == null || key.length == 0) {
      return false;
    }
    byte[] expected = MessageAuth.hmacSha1(key, wire, at, at - HEADER_LENGTH + 24);
    byte[] actual = Arrays.copyOfRange(wire, at + 4, at + 4 + MessageIntegrity.LENGTH);
    return MessageAuth.equalsPrefix(expected, actual, MessageIntegrity.LENGTH);
  }

  /**
   * True when MESSAGE-INTEGRITY-SHA256 is present and verifies (possibly truncated) with {@code
   * key}.
   */
  public boolean verifyMessageIntegritySha256(byte[] key) {
    int at = offsetOf(MessageIntegritySha256.TYPE);
    if (at < 0 || key == null || key.length == 0) {
      return false;
    }
    int length = u16(at + 2);
    byte[] expected = MessageAuth.hmacSha256(key, wire, at, at - HEADER_LENGTH + 4 + length);
    byte[] actual = Arrays.copyOfRange(wire, at + 4, at + 4 + length);
    return MessageAuth.equalsPrefix(expected, actual, length);
  }

  /** True when FINGERPRINT is present, is the last attribute, and matches the CRC-32. */
  public boolean verifyFingerprint() {
    int at = offsetOf(Fingerprint.TYPE);
    if (at < 0 || at + 8 != wire.length) {
      return false;
    }
    int actual = (u16(at + 4) << 16) | u16(at + 6);
    return actual == MessageAuth.fingerprint(wire, at);
  }

  /** True when a FINGERPRINT attribute is present (verified or not). */
  public boolean hasFingerprint() {
    return offsetOf(Fingerprint.TYPE) >= 0;
  }

  /** Offset in {@link #wire} of the first attribute with this type, or -1. */
  private int offsetOf(int attrType) {
    int at = HEADER_LENGTH;
    while (at + 4 <= wire.length) {
      if (u16(at) == attrType) {
        return at;
      }
      at += 4 + ((u16(at + 2) + 3) & ~3);
    }
    return -1;
  }

  private int u16(int at) {
    return ((wire[at] & 0xFF) << 8) | (wire[at + 1] & 0xFF);
  }

  /** Equal when the wire bytes are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof StunMessage other && Arrays.equals(wire, other.wire);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(wire);
  }

  @Override
  public String toString() {
    return "StunMessage[" + type + " " + transactionId + " " + attributes + "]";
  }
}
