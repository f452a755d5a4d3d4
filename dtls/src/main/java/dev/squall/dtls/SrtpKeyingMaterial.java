package dev.squall.dtls;

import java.util.Arrays;

/**
 * The SRTP master keys and salts exported from a DTLS session (RFC 5764 section 4.2) with the RFC
 * 5705 exporter, label {@code EXTRACTOR-dtls_srtp}, no context, and length {@code 2 * (key + salt)}
 * of the negotiated profile. The exporter output is laid out as
 *
 * <pre>
 * client_write_SRTP_master_key[key_len]
 * server_write_SRTP_master_key[key_len]
 * client_write_SRTP_master_salt[salt_len]
 * server_write_SRTP_master_salt[salt_len]
 * </pre>
 *
 * {@link #localKey()} and friends pick the halves for this endpoint's {@link #role()}: the local
 * key protects what we send, the remote key what we receive. Accessors return copies.
 *
 * @param profile the negotiated protection profile
 * @param role this endpoint's DTLS role
 * @param material the raw exporter output
 */
public record SrtpKeyingMaterial(SrtpProfile profile, DtlsRole role, byte[] material) {

  public SrtpKeyingMaterial {
    if (material.length != profile.keyingMaterialLength()) {
      throw new IllegalArgumentException(
          profile + " needs " + profile.keyingMaterialLength() + " bytes, got " + material.length);
    }
    material = material.clone();
  }

  @Override
  public byte[] material() {
    return material.clone();
  }

  public byte[] clientKey() {
    return slice(0, profile.keyLength());
  }

  public byte[] serverKey() {
    return slice(profile.keyLength(), profile.keyLength());
  }

  public byte[] clientSalt() {
    return slice(2 * profile.keyLength(), profile.saltLength());
  }

  public byte[] serverSalt() {
    return slice(2 * profile.keyLength() + profile.saltLength(), profile.saltLength());
  }

  /** The master key for what this endpoint sends. */
  public byte[] localKey() {
    return role == DtlsRole.CLIENT ? clientKey() : serverKey();
  }

  /** The master salt for what this endpoint sends. */
  public byte[] localSalt() {
    return role == DtlsRole.CLIENT ? clientSalt() : serverSalt();
  }

  /** The master key for what this endpoint receives. */
  public byte[] remoteKey() {
    return role == DtlsRole.CLIENT ? serverKey() : clientKey();
  }

  /** The master salt for what this endpoint receives. */
  public byte[] remoteSalt() {
    return role == DtlsRole.CLIENT ? serverSalt() : clientSalt();
  }

  private byte[] slice(int offset, int length) {
    return Arrays.copyOfRange(material, offset, offset + length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SrtpKeyingMaterial k
        && k.profile == profile
        && k.role == role
        && java.security.MessageDigest.isEqual(k.material, material);
  }

  @Override
  public int hashCode() {
    return profile.hashCode() * 31 + role.hashCode();
  }

  @Override
  public String toString() {
    return "SrtpKeyingMaterial[" + profile + ", " + role + ", " + material.length + " bytes]";
  }
}
