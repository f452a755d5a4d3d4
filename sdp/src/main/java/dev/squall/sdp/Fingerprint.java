package dev.squall.sdp;

import dev.squall.sdp.internal.Syntax;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A certificate fingerprint, {@code a=fingerprint} (RFC 8122 §5).
 *
 * <pre>
 * attribute   = "fingerprint" ":" hash-func SP fingerprint
 * hash-func   = "sha-1" / "sha-224" / "sha-256" / "sha-384" / "sha-512" / "md5" / "md2" / token
 * fingerprint = 2UHEX *(":" 2UHEX)
 * </pre>
 *
 * Lower-case hex is accepted on input; {@link #value()} writes upper case.
 */
public record Fingerprint(String hashFunction, byte[] bytes) {

  public Fingerprint {
    if (!Syntax.isToken(hashFunction) || bytes == null || bytes.length == 0 || bytes.length > 64) {
      throw new IllegalArgumentException("bad fingerprint");
    }
    bytes = bytes.clone();
  }

  /** The SHA-256 fingerprint of a DER-encoded certificate, as DTLS-SRTP endpoints advertise it. */
  public static Fingerprint sha256(byte[] derCertificate) {
    try {
      return new Fingerprint(
          "sha-256", MessageDigest.getInstance("SHA-256").digest(derCertificate));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /** Parses the value of {@code a=fingerprint} ({@code sha-256 AB:CD:...}). */
  public static Fingerprint parse(String value) throws SdpParseException {
    String[] hv = Syntax.head(value);
    if (hv[1] == null || !Syntax.isToken(hv[0])) {
      throw new SdpParseException("fingerprint:<hash-func> <hex bytes separated by ':'>");
    }
    String hex = hv[1];
    if (hex.length() < 2 || hex.length() > 64 * 3 - 1 || (hex.length() + 1) % 3 != 0) {
      throw new SdpParseException("fingerprint bytes as 2HEX *(\":\" 2HEX)");
    }
    byte[] out = new byte[(hex.length() + 1) / 3];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(hex.charAt(i * 3), 16);
      int lo = Character.digit(hex.charAt(i * 3 + 1), 16);
      boolean sepOk = i == out.length - 1 || hex.charAt(i * 3 + 2) == ':';
      if (hi < 0 || lo < 0 || !sepOk || hex.charAt(i * 3) > 'f' || hex.charAt(i * 3 + 1) > 'f') {
        throw new SdpParseException("fingerprint bytes as 2HEX *(\":\" 2HEX)");
      }
      out[i] = (byte) (hi << 4 | lo);
    }
    return new Fingerprint(hv[0], out);
  }

  /** A copy of the digest bytes. */
  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** True when this fingerprint has the same hash function (case-insensitive) and digest. */
  public boolean matches(Fingerprint other) {
    return hashFunction.equalsIgnoreCase(other.hashFunction) && Arrays.equals(bytes, other.bytes);
  }

  /** {@code <hash-func> AB:CD:...} in upper-case hex. */
  public String value() {
    StringBuilder sb = new StringBuilder(hashFunction.toLowerCase(Locale.ROOT)).append(' ');
    String hex = HexFormat.of().withUpperCase().formatHex(bytes);
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(hex, i * 2, i * 2 + 2);
    }
    return sb.toString();
  }

  /** The {@code a=fingerprint} attribute. */
  public Attribute toAttribute() {
    return Attribute.of("fingerprint", value());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f
        && f.hashFunction.equals(hashFunction)
        && Arrays.equals(f.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return List.of(hashFunction).hashCode() * 31 + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return value();
  }
}
