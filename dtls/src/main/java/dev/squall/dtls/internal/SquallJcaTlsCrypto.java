package dev.squall.dtls.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * {@link JcaTlsCrypto} on a chosen {@link JcaJceHelper} (its constructor is protected). Used with
 * {@link EcOnBouncyCastleHelper}: BouncyCastle's elliptic curves, the JDK's ciphers. AES-GCM record
 * ciphers are {@link JdkGcmCipher}s; every other algorithm is BouncyCastle's default.
 */
final class SquallJcaTlsCrypto extends JcaTlsCrypto {

  private static final String AES_GCM = "AES/GCM/NoPadding";

  SquallJcaTlsCrypto(JcaJceHelper helper, SecureRandom entropy, SecureRandom nonceEntropy) {
    super(helper, entropy, nonceEntropy);
  }

  @Override
  protected TlsAEADCipherImpl createAEADCipher(
      String cipherName, String algorithm, int keySize, boolean isEncrypting)
      throws GeneralSecurityException {
    if (AES_GCM.equals(cipherName) && "AES".equals(algorithm)) {
      return new JdkGcmCipher(getHelper().createCipher(cipherName), isEncrypting);
    }
    return super.createAEADCipher(cipherName, algorithm, keySize, isEncrypting);
  }
}
