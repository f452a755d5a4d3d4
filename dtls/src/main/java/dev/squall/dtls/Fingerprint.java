package dev.squall.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A certificate fingerprint as SDP carries it (RFC 8122 section 5): a hash function name from the
 * IANA "Hash Function Textual Names" registry and the hash of the DER certificate in upper-case hex
 * pairs separated by colons.
 *
 * <pre>
 * fingerprint-attribute = "fingerprint" ":" hash-func SP fingerprint
 * hash-func             = "sha-1" / "sha-224" / "sha-256" / "sha-384" / "sha-512" / ...
 * fingerprint           = 2UHEX *(":" 2UHEX)
 * </pre>
 *
 * Parsing accepts either case (RFC 8122 says the hex is upper case, some stacks send lower case).
 * {@link #matches} compares in constant time.
 *
 * @param algorithm the lower-case hash function name, e.g. {@code sha-256}
 * @param value the hash bytes (defensively copied)
 */
public record Fingerprint(String algorithm, byte[] value) {

  /** The algorithm WebRTC uses, and the one {@link DtlsCertificate#fingerprint()} gives. */
  public static final String SHA_256 = "sha-256";

  private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

  public Fingerprint {
    algorithm = algorithm.toLowerCase(Locale.ROOT);
    int expected = digestLength(algorithm);
    if (value.length != expected) {
      throw new IllegalArgumentException(
          algorithm + " fingerprint must be " + expected + " bytes, got " + value.length);
    }
    value = value.clone();
  }

  /**
   * Parses {@code "sha-256 AB:CD:..."} (the value of an {@code a=fingerprint} attribute).
   *
   * @throws IllegalArgumentException when the text is malformed or the algorithm unsupported
   */
  public static Fingerprint parse(String text) {
    Objects.requireNonNull(text, "text");
    String trimmed = text.trim();
    int space = trimmed.indexOf(' ');
    if (space <= 0) {
      throw new IllegalArgumentException("fingerprint needs 'hash-func HEX:HEX...': " + text);
    }
    String algorithm = trimmed.substring(0, space);
    String hex = trimmed.substring(space + 1).trim();
    if (hex.length() < 2 || (hex.length() + 1) % 3 != 0) {
      throw new IllegalArgumentException("malformed fingerprint hex: " + hex);
    }
    for (int i = 2; i < hex.length(); i += 3) {
      if (hex.charAt(i) != ':') {
        throw new IllegalArgumentException("malformed fingerprint hex: " + hex);
      }
    }
    byte[] bytes;
    try {
      bytes = HEX.parseHex(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed fingerprint hex: " + hex, e);
    }
    return new Fingerprint(algorithm, bytes);
  }

  /** The fingerprint of a DER-encoded certificate under {@code algorithm}. */
  public static Fingerprint of(byte[] derCertificate, String algorithm) {
    return new Fingerprint(algorithm, digest(algorithm).digest(derCertificate));
  }

  /** The SHA-256 fingerprint of a DER-encoded certificate. */
  public static Fingerprint sha256(byte[] derCertificate) {
    return of(derCertificate, SHA_256);
  }

  /** The hash bytes (a copy). */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The SDP form: {@code sha-256 AB:CD:...}. */
  public String format() {
    return algorithm + " " + HEX.formatHex(value);
  }

  /** Only the colon-separated hex part. */
  public String hex() {
    return HEX.formatHex(value);
  }

  /** True when both name the same algorithm and hash; the bytes are compared in constant time. */
  public boolean matches(Fingerprint other) {
    return other != null
        && algorithm.equals(other.algorithm)
        && MessageDigest.isEqual(value, other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint f && matches(f);
  }

  @Override
  public int hashCode() {
    return algorithm.hashCode() * 31 + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return format();
  }

  private static int digestLength(String algorithm) {
    return switch (algorithm) {
      case "sha-1" -> 20;
      case "sha-224" -> 28;
      case "sha-256" -> 32;
      case "sha-384" -> 48;
      case "sha-512" -> 64;
      default -> throw new IllegalArgumentException("unsupported fingerprint hash: " + algorithm);
    };
  }

  private static MessageDigest digest(String algorithm) {
    String jca =
        switch (algorithm.toLowerCase(Locale.ROOT)) {
          case "sha-1" -> "SHA-1";
          case "sha-224" -> "SHA-224";
          case "sha-256" -> "SHA-256";
          case "sha-384" -> "SHA-384";
          case "sha-512" -> "SHA-512";
          default ->
              throw new IllegalArgumentException("unsupported fingerprint hash: " + algorithm);
        };
    try {
      return MessageDigest.getInstance(jca);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jca + " missing from the JDK", e);
    }
  }
}
