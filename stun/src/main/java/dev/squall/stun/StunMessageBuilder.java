package dev.squall.stun;

import dev.squall.stun.attribute.Fingerprint;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.MessageIntegritySha256;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.internal.MessageAuth;
import dev.squall.util.ByteWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link StunMessage} by appending attributes in order, encoding as it goes, so that
 * MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT are computed over exactly the prefix
 * before them with the header length adjusted to end with them (RFC 8489 §14.5–§14.7). Padding is
 * zeros. Typical use:
 *
 * <pre>{@code
 * StunMessage m = StunMessage.builder(StunMessageType.BINDING_REQUEST, TransactionId.random())
 *     .add(new Username("a:b"))
 *     .addMessageIntegrity(key)
 *     .addFingerprint()
 *     .build();
 * }</pre>
 *
 * <p>{@link #add} writes any attribute's value verbatim (a {@link MessageIntegrity} record added
 * with {@code add} is not recomputed). Nothing may follow FINGERPRINT. A builder that threw is
 * unusable. Not thread-safe.
 */
public final class StunMessageBuilder {

  private final StunMessageType type;
  private final TransactionId transactionId;
  private final ByteWriter out = new ByteWriter(128);
  private final List<StunAttribute> attributes = new ArrayList<>();
  private boolean finished;

  StunMessageBuilder(StunMessageType type, TransactionId transactionId) {
    this.type = Objects.requireNonNull(type, "type");
    this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
    out.putU16(type.encode());
    out.putU16(0);
    out.putI32(StunMessage.MAGIC_COOKIE);
    out.putBytes(transactionId.toByteArray());
  }

  /**
   * Appends {@code attribute}.
   *
   * @throws IllegalStateException after FINGERPRINT, or when the message would exceed the 16-bit
   *     length field
   */
  public StunMessageBuilder add(StunAttribute attribute) {
    Objects.requireNonNull(attribute, "attribute");
    if (finished) {
      throw new IllegalStateException("no attribute may follow FINGERPRINT");
    }
    int start = out.size();
    out.putU16(attribute.type());
    out.putU16(0);
    attribute.encodeValue(out, transactionId);
    int length = out.size() - start - 4;
    if (length > 0xFFFF) {
      throw new IllegalStateException("attribute value longer than 65535 bytes");
    }
    out.putU16At(start + 2, length);
    out.padTo(4);
    int body = out.size() - StunMessage.HEADER_LENGTH;
    if (body > StunMessage.MAX_BODY_LENGTH) {
      throw new IllegalStateException("STUN message longer than the length field allows");
    }
    out.putU16At(2, body);
    attributes.add(attribute);
    finished = attribute instanceof Fingerprint;
    return this;
  }

  /** Appends every attribute in order. */
  public StunMessageBuilder addAll(Iterable<? extends StunAttribute> list) {
    list.forEach(this::add);
    return this;
  }

  /** Appends MESSAGE-INTEGRITY: HMAC-SHA1 with {@code key} over the message so far. */
  public StunMessageBuilder addMessageIntegrity(byte[] key) {
    int prefix = beginTrailer(4 + MessageIntegrity.LENGTH);
    return add(
        new MessageIntegrity(
            MessageAuth.hmacSha1(key, out.array(), prefix, lengthWith(prefix, 24))));
  }

  /** Appends MESSAGE-INTEGRITY-SHA256 with the full 32-byte HMAC. */
  public StunMessageBuilder addMessageIntegritySha256(byte[] key) {
    return addMessageIntegritySha256(key, MessageIntegritySha256.MAX_LENGTH);
  }

  /** Appends MESSAGE-INTEGRITY-SHA256 truncated to {@code length} bytes (16–32, multiple of 4). */
  public StunMessageBuilder addMessageIntegritySha256(byte[] key, int length) {
    if (!MessageIntegritySha256.validLength(length)) {
      throw new IllegalArgumentException("bad MESSAGE-INTEGRITY-SHA256 length " + length);
    }
    int prefix = beginTrailer(4 + length);
    byte[] hmac = MessageAuth.hmacSha256(key, out.array(), prefix, lengthWith(prefix, 4 + length));
    return add(new MessageIntegritySha256(Arrays.copyOf(hmac, length)));
  }

  /** Appends FINGERPRINT; it must be the last attribute. */
  public StunMessageBuilder addFingerprint() {
    int prefix = beginTrailer(8);
    out.putU16At(2, lengthWith(prefix, 8));
    return add(new Fingerprint(MessageAuth.fingerprint(out.array(), prefix)));
  }

  /** The message built so far (the builder stays usable). */
  public StunMessage build() {
    return new StunMessage(type, transactionId, attributes, out.toByteArray());
  }

  private int beginTrailer(int attributeLength) {
    if (finished) {
      throw new IllegalStateException("no attribute may follow FINGERPRINT");
    }
    int prefix = out.size();
    out.putU16At(2, lengthWith(prefix, attributeLength));
    return prefix;
  }

  private static int lengthWith(int prefix, int attributeLength) {
    return prefix - StunMessage.HEADER_LENGTH + attributeLength;
  }
}
