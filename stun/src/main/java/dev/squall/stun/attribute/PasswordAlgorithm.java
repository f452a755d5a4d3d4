package dev.squall.stun.attribute;

import dev.squall.stun.StunException;
import dev.squall.stun.TransactionId;
import dev.squall.util.ByteReader;
import dev.squall.util.ByteWriter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * PASSWORD-ALGORITHM (0x001D, RFC 8489 §14.12): the algorithm the client chose for the long-term
 * key, one of those the server offered in PASSWORD-ALGORITHMS. The same record is one entry of
 * {@link PasswordAlgorithms}. Parameters are padded to 4 bytes inside the value; the decoder
 * accepts a single attribute with or without that inner padding.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Algorithm           |  Algorithm Parameters Length   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Algorithm Parameters (variable)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param algorithm 0x0001 MD5, 0x0002 SHA-256, or another 16-bit code
 * @param parameters the parameters (empty for MD5 and SHA-256; copied in and out)
 */
public record PasswordAlgorithm(int algorithm, byte[] parameters) implements StunAttribute {

  public static final int TYPE = 0x001D;
  public static final int MD5 = 0x0001;
  public static final int SHA256 = 0x0002;

  public PasswordAlgorithm {
    if (algorithm < 0 || algorithm > 0xFFFF) {
      throw new IllegalArgumentException("password algorithm out of range: " + algorithm);
    }
    Objects.requireNonNull(parameters, "parameters");
    if (parameters.length > 0xFFFF - 8) {
      throw new IllegalArgumentException("password algorithm parameters too long");
    }
    parameters = parameters.clone();
  }

  /** An algorithm without parameters (MD5 and SHA-256 have none). */
  public static PasswordAlgorithm of(int algorithm) {
    return new PasswordAlgorithm(algorithm, new byte[0]);
  }

  @Override
  public byte[] parameters() {
    return parameters.clone();
  }

  @Override
  public int type() {
    return TYPE;
  }

  @Override
  public void encodeValue(ByteWriter out, TransactionId transactionId) {
    encodeEntry(out);
  }

  /** Number of bytes {@link #encodeEntry} writes. */
  int entryLength() {
    return 4 + (parameters.length + 3) / 4 * 4;
  }

  void encodeEntry(ByteWriter out) {
    out.putU16(algorithm);
    out.putU16(parameters.length);
    out.putBytes(parameters);
    out.putZeros((4 - parameters.length % 4) % 4);
  }

  /** Reads one entry, including the padding of its parameters when present. */
  static PasswordAlgorithm decodeEntry(ByteReader value) throws StunException {
    if (value.remaining() < 4) {
      throw new StunException("password algorithm entry shorter than 4 bytes");
    }
    int algorithm = value.readU16();
    int length = value.readU16();
    if (length > value.remaining()) {
      throw new StunException("password algorithm parameters overrun the attribute");
    }
    byte[] parameters = value.readBytes(length);
    value.skip(Math.min((4 - length % 4) % 4, value.remaining()));
    return new PasswordAlgorithm(algorithm, parameters);
  }

  static PasswordAlgorithm decode(ByteReader value) throws StunException {
    PasswordAlgorithm a = decodeEntry(value);
    if (value.hasRemaining()) {
      throw new StunException("PASSWORD-ALGORITHM has trailing bytes");
    }
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PasswordAlgorithm other
        && algorithm == other.algorithm
        && Arrays.equals(parameters, other.parameters);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm + Arrays.hashCode(parameters);
  }

  @Override
  public String toString() {
    return String.format(
        "PasswordAlgorithm[0x%04x, %s]", algorithm, HexFormat.of().formatHex(parameters));
  }
}
