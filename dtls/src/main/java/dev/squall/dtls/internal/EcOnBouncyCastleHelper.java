package dev.squall.dtls.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Locale;
import javax.crypto.KeyAgreement;
import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A {@code JcaJceHelper} that takes elliptic-curve operations (EC and X25519/X448 key pairs and key
 * factories, ECDH, X25519/X448 agreement, ECDSA) from a private BouncyCastle provider instance and
 * everything else, AES-GCM records and hashes above all, from the JDK's default providers.
 *
 * <p>Why: on the project machine (Java 17, see the package documentation) SunEC's P-256 costs about
 * 0.7 ms per key pair, 2.7 ms per ECDH and 1.5/3.0 ms per ECDSA sign/verify, BouncyCastle's 0.15,
 * 0.3 and 0.6/0.45 ms, and a DTLS handshake does each of them on both sides. SunJCE's AES-GCM uses
 * the CPU's AES-NI intrinsics and stays the record cipher. The provider is never registered with
 * {@code java.security.Security}.
 *
 * <p>Stateless apart from the shared, immutable provider; thread-safe.
 */
final class EcOnBouncyCastleHelper extends DefaultJcaJceHelper {

  /** Lazily built once per class loader: building the provider loads hundreds of classes. */
  private static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  /**
   * {@code key} as this helper's provider's own key object, so that signing with it skips the
   * per-signature conversion of the curve parameters (about 0.4 ms of a 0.6 ms P-256 signature).
   */
  static PrivateKey providerKey(PrivateKey key) throws GeneralSecurityException {
    return KeyFactory.getInstance(key.getAlgorithm(), Bc.PROVIDER)
        .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
  }

  @Override
  public KeyAgreement createKeyAgreement(String algorithm) throws NoSuchAlgorithmException {
    return isEc(algorithm)
        ? KeyAgreement.getInstance(algorithm, Bc.PROVIDER)
        : super.createKeyAgreement(algorithm);
  }

  @Override
  public KeyFactory createKeyFactory(String algorithm) throws NoSuchAlgorithmException {
    return isEc(algorithm)
        ? KeyFactory.getInstance(algorithm, Bc.PROVIDER)
        : super.createKeyFactory(algorithm);
  }

  @Override
  public KeyPairGenerator createKeyPairGenerator(String algorithm) throws NoSuchAlgorithmException {
    return isEc(algorithm)
        ? KeyPairGenerator.getInstance(algorithm, Bc.PROVIDER)
        : super.createKeyPairGenerator(algorithm);
  }

  @Override
  public Signature createSignature(String algorithm) throws NoSuchAlgorithmException {
    return algorithm.toUpperCase(Locale.ROOT).contains("ECDSA")
        ? Signature.getInstance(algorithm, Bc.PROVIDER)
        : super.createSignature(algorithm);
  }

  /** "EC", "ECDH", "ECDHC" and the X25519/X448 (XDH) families; not "ECIES". */
  private static boolean isEc(String algorithm) {
    String upper = algorithm.toUpperCase(Locale.ROOT);
    return upper.equals("EC")
        || upper.startsWith("ECDH")
        || upper.equals("XDH")
        || upper.equals("X25519")
        || upper.equals("X448");
  }
}
