package dev.squall.dtls.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;

/**
 * One direction of an AES-GCM record cipher (RFC 5288) on a JCA {@link Cipher}, for BouncyCastle's
 * TLS record layer: BouncyCastle computes the nonce and the additional data, this class only keys
 * and runs the JCA cipher.
 *
 * <p>Unlike BouncyCastle's generic JCA wrapper it passes each record's nonce as a {@link
 * GCMParameterSpec} directly, instead of building an {@code AlgorithmParameters} object through a
 * provider lookup for every record (a tenth of a bulk transfer's CPU time in profiles). One
 * instance per direction per connection; not thread-safe (the record layer serialises its use).
 */
final class JdkGcmCipher implements TlsAEADCipherImpl {

  private final Cipher cipher;
  private final int mode;
  private SecretKey key;

  JdkGcmCipher(Cipher cipher, boolean encrypting) {
    this.cipher = cipher;
    this.mode = encrypting ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE;
  }

  @Override
  public void setKey(byte[] keyBytes, int offset, int length) {
    this.key = new SecretKeySpec(keyBytes, offset, length, "AES");
  }

  @Override
  public void init(byte[] nonce, int macSize) throws IOException {
    try {
      cipher.init(mode, key, new GCMParameterSpec(macSize * 8, nonce));
    } catch (GeneralSecurityException e) {
      throw new IOException("AES-GCM init failed: " + e.getMessage(), e);
    }
  }

  @Override
  public int getOutputSize(int inputLength) {
    return cipher.getOutputSize(inputLength);
  }

  @Override
  public int doFinal(
      byte[] additionalData,
      byte[] input,
      int inputOffset,
      int inputLength,
      byte[] output,
      int outputOffset)
      throws IOException {
    try {
      if (additionalData != null && additionalData.length > 0) {
        cipher.updateAAD(additionalData);
      }
      return cipher.doFinal(input, inputOffset, inputLength, output, outputOffset);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new TlsFatalAlert(AlertDescription.bad_record_mac, e);
    } catch (GeneralSecurityException e) {
      throw new IOException("AES-GCM failed: " + e.getMessage(), e);
    }
  }
}
