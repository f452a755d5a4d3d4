package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * ALTERNATE-DOMAIN (0x8003, RFC 8489 §14.16): the domain name of the ALTERNATE-SERVER, for
 * certificate checks when the alternate server is reached over (D)TLS. Limited to 255 bytes (the
 * DNS limit).
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
public record AlternateDomain(String value) implements StunAttribute {

  public static final int TYPE = 0x8003;

  /** The longest domain name, in bytes. */
  public static final int MAX_BYTES = 255;

  public AlternateDomain {
    Values.boundedText(value, MAX_BYTES, "ALTERNATE-DOMAIN");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putUtf8(value);
  }

  static AlternateDomain decode(ByteReader value) throws StunException {
    return new AlternateDomain(Values.readText(value, MAX_BYTES, "ALTERNATE-DOMAIN"));
  }
}
