package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * REALM (0x0014, RFC 8489 §14.9): the long-term credential realm, fewer than 128 characters
 * (quoted-string content without the quotes).
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
public record Realm(String value) implements StunAttribute {

  public static final int TYPE = 0x0014;

  public Realm {
    Values.shortText(value, "REALM");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putUtf8(value);
  }

  static Realm decode(ByteReader value) throws StunException {
    return new Realm(Values.readText(value, Values.MAX_DECODED_TEXT_BYTES, "REALM"));
  }
}
