package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * SOFTWARE (0x8022, RFC 8489 §14.14): a textual description of the agent software, fewer than 128
 * characters. Purely informational.
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
public record Software(String value) implements StunAttribute {

  public static final int TYPE = 0x8022;

  public Software {
    Values.shortText(value, "SOFTWARE");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putUtf8(value);
  }

  static Software decode(ByteReader value) throws StunException {
    return new Software(Values.readText(value, Values.MAX_DECODED_TEXT_BYTES, "SOFTWARE"));
  }
}
