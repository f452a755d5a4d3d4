package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * NONCE (0x0015, RFC 8489 §14.10): the server nonce of the long-term mechanism, fewer than 128
 * characters. A nonce starting with the "obMatJos2" cookie carries the security feature bits of RFC
 * 8489 §9.2; this record keeps the text as is.
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
public record Nonce(String value) implements StunAttribute {

  public static final int TYPE = 0x0015;

  public Nonce {
    Values.shortText(value, "NONCE");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putUtf8(value);
  }

  static Nonce decode(ByteReader value) throws StunException {
    return new Nonce(Values.readText(value, Values.MAX_DECODED_TEXT_BYTES, "NONCE"));
  }
}
