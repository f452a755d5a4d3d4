package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * RESERVATION-TOKEN (0x0022, RFC 8656 §18.10): an 8-byte token naming a relayed port the server
 * reserved (after EVEN-PORT with R set), given back in a later Allocate request to claim it.
 *
 * @param token the 8 token bytes (copied in and out)
 */
public record ReservationToken(byte[] token) implements StunAttribute {

  public static final int TYPE = 0x0022;
  public static final int LENGTH = 8;

  public ReservationToken {
    Objects.requireNonNull(token, "token");
    if (token.length != LENGTH) {
      throw new IllegalArgumentException("RESERVATION-TOKEN must be 8 bytes, not " + token.length);
    }
    token = token.clone();
  }

  @Override
  public byte[] token() {
    return token.clone();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    out.putBytes(token);
  }

  static ReservationToken decode(ByteReader value) throws StunException {
    AttributeCodec.requireLength(value, LENGTH, "RESERVATION-TOKEN");
    return new ReservationToken(value.readBytes(LENGTH));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReservationToken other && Arrays.equals(token, other.token);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(token);
  }

  @Override
  public String toString() {
    return "ReservationToken[" + HexFormat.of().formatHex(token) + "]";
  }
}
