package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;

/**
 * ADDRESS-ERROR-CODE (0x8001, RFC 8656 §18.12): in an Allocate success response with two address
 * families, why the relayed address of one family could not be allocated.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Family       |    Reserved             |Class|     Number    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Reason Phrase (variable)                                ..
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param family the address family (0x01 IPv4, 0x02 IPv6)
 * @param code the error code, 300–699
 * @param reason the reason phrase (may be empty)
 */
public record AddressErrorCode(int family, int code, String reason) implements StunAttribute {

  public static final int TYPE = 0x8001;

  public AddressErrorCode {
    if (family < 0 || family > 0xFF) {
      throw new IllegalArgumentException("address family out of 8-bit range: " + family);
    }
    if (code < 300 || code > 699) {
      throw new IllegalArgumentException("error code out of range 300-699: " + code);
    }
    Values.shortText(reason, "reason phrase");
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putU8(family);
    out.putU8(0);
    out.putU8(code / 100);
    out.putU8(code % 100);
    out.putUtf8(reason);
  }

  static AddressErrorCode decode(ByteReader value) throws StunException {
    if (value.remaining() < 4) {
      throw new StunException("ADDRESS-ERROR-CODE shorter than 4 bytes");
    }
    int family = value.readU8();
    value.readU8(); // reserved
    int errorClass = value.readU8() & 0x07;
    int number = value.readU8();
    if (errorClass < 3 || errorClass > 6 || number > 99) {
      throw new StunException(
          "ADDRESS-ERROR-CODE out of range: class " + errorClass + " number " + number);
    }
    String reason =
        Values.readText(value, Values.MAX_DECODED_TEXT_BYTES, "ADDRESS-ERROR-CODE reason");
    return new AddressErrorCode(family, errorClass * 100 + number, reason);
  }
}
