package dev.squall.dtls.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.impl.TlsAEADCipherImpl;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * {@link JcaTlsCrypto} on a chosen {@link JcaJceHelper} (its constructor is protected). Used with
 * {@link EcOnBouncyCastleHelper}: BouncyCastle's elliptic curves, the JDK's ciphers. AES-GCM record
 * ciphers are {@link JdkGcmCipher}s; every other algorithm is BouncyCastle's default.
 *
 * <p>For the handshake: the X25519 agreement uses a key pair made ahead of its use ({@link
 * PreparedX25519}, when given), received certificates verify ECDSA P-256 signatures with
 * BouncyCastle's lightweight {@code ECDSASigner} ({@link PeerCertificate}), and the groups the
 * helper's provider always has are reported without probing the JCA (a probe per group per
 * handshake).
 */
final class SquallJcaTlsCrypto extends JcaTlsCrypto {

  private static final String AES_GCM = "AES/GCM/NoPadding";

  private final PreparedX25519 x25519;

  SquallJcaTlsCrypto(JcaJceHelper helper, SecureRandom entropy, SecureRandom nonceEntropy) {
    this(helper, entropy, nonceEntropy, null);
  }

  /**
   * @param x25519 the ephemeral key pair of this crypto's one handshake; null to make it when the
   *     agreement is created
   */
  SquallJcaTlsCrypto(
      JcaJceHelper helper, SecureRandom entropy, SecureRandom nonceEntropy, PreparedX25519 x25519) {
    super(helper, entropy, nonceEntropy);
    this.x25519 = x25519;
  }

  @Override
  public TlsECDomain createECDomain(TlsECConfig config) {
    TlsECDomain standard = super.createECDomain(config);
    if (x25519 == null || config.getNamedGroup() != NamedGroup.x25519) {
      return standard;
    }
    return () -> {
      TlsAgreement prepared = x25519.agreement(this);
      return prepared != null ? prepared : standard.createECDH();
    };
  }

  @Override
  public TlsCertificate createCertificate(byte[] encoding) throws IOException {
    return new PeerCertificate(this, encoding);
  }

  @Override
  public TlsCertificate createCertificate(short type, byte[] encoding) throws IOException {
    return type == CertificateType.X509
        ? createCertificate(encoding)
        : super.createCertificate(type, encoding);
  }

  @Override
  public boolean hasNamedGroup(int namedGroup) {
    // the helper takes these from BouncyCastle's provider, which always has them
    return switch (namedGroup) {
      case NamedGroup.x25519, NamedGroup.secp256r1, NamedGroup.secp384r1 -> true;
      default -> super.hasNamedGroup(namedGroup);
    };
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
