package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * USERNAME (0x0006, RFC 8489 §14.3): the user name of a short-term or long-term credential. Limited
 * to 512 bytes of UTF-8 (RFC 8489 asks senders for fewer than 509 and RFC 5389 receivers accepted
 * fewer than 513; the prepared form (OpaqueString) is the caller's concern).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  UTF-8 text (variable, padded)             ....
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param value the text
 */
public record Username(String value) implements StunAttribute {

  public static final int TYPE = 0x0006;

  /** The largest USERNAME value accepted, in bytes. */
  public static final int MAX_BYTES = 512;

  public Username {
    Values.boundedText(value, MAX_BYTES, "USERNAME");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putUtf8(value);
  }

  static Username decode(ByteReader value) throws StunException {
    return new Username(Values.readText(value, MAX_BYTES, "USERNAME"));
  }
}
