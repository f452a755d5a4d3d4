package dev.squall.dtls;

import java.util.Optional;

/**
 * The SRTP protection profiles this stack offers in the DTLS {@code use_srtp} extension (RFC 5764
 * section 4.1.2, registry of DTLS-SRTP protection profiles), with the master key and salt lengths
 * that size the exported keying material (RFC 5764 section 4.2; RFC 7714 section 12 for GCM).
 */
public enum SrtpProfile {
  /** RFC 7714: AES-128-GCM, 16-byte key, 12-byte salt. What browsers prefer. */
  AEAD_AES_128_GCM(0x0007, 16, 12),
  /** RFC 5764: AES-128 counter mode with an 80-bit HMAC-SHA1 tag, 16-byte key, 14-byte salt. */
  AES128_CM_HMAC_SHA1_80(0x0001, 16, 14);

  private final int code;
  private final int keyLength;
  private final int saltLength;

  SrtpProfile(int code, int keyLength, int saltLength) {
    this.code = code;
    this.keyLength = keyLength;
    this.saltLength = saltLength;
  }

  /** The two-byte SRTPProtectionProfile value on the wire. */
  public int code() {
    return code;
  }

  /** Master key length in bytes. */
  public int keyLength() {
    return keyLength;
  }

  /** Master salt length in bytes. */
  public int saltLength() {
    return saltLength;
  }

  /** Bytes of keying material to export: both sides' keys and salts. */
  public int keyingMaterialLength() {
    return 2 * (keyLength + saltLength);
  }

  /** The profile with this wire value, if we know it. */
  public static Optional<SrtpProfile> fromCode(int code) {
    for (SrtpProfile p : values()) {
      if (p.code == code) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
