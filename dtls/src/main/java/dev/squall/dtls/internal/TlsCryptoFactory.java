package dev.squall.dtls.internal;

import dev.squall.dtls.CryptoProvider;
import dev.squall.dtls.DtlsCertificate;
import dev.squall.dtls.DtlsException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCertificate;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;

/**
 * Builds BouncyCastle {@link TlsCrypto} instances and the ECDSA signing credentials for our
 * certificate on either implementation. Stateless; every call makes fresh objects (a {@code
 * TlsCrypto} holds a {@link SecureRandom} and is used by one handshake).
 */
public final class TlsCryptoFactory {

  private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
      SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

  private TlsCryptoFactory() {}

  /** A new crypto instance of the given kind. */
  public static TlsCrypto create(CryptoProvider provider) {
    SecureRandom random = new SecureRandom();
    return switch (provider) {
      case JCA -> new SquallJcaTlsCrypto(new EcOnBouncyCastleHelper(), random, new SecureRandom());
      case JDK -> new JcaTlsCryptoProvider().create(random);
      case BC -> new BcTlsCrypto(random);
    };
  }

  /**
   * {@code key} in the representation {@link CryptoProvider#JCA} signs with fastest (BouncyCastle's
   * own EC key class; still a {@link java.security.interfaces.ECPrivateKey}); {@code key} itself
   * when it is not EC or cannot be converted. Call once per certificate, not per handshake.
   */
  public static PrivateKey handshakeKey(PrivateKey key) {
    if (!"EC".equals(key.getAlgorithm())) {
      return key;
    }
    try {
      return EcOnBouncyCastleHelper.providerKey(key);
    } catch (GeneralSecurityException | RuntimeException e) {
      return key;
    }
  }

  /**
   * Our certificate chain (one self-signed certificate) in {@code crypto}'s representation; with a
   * {@link JcaTlsCrypto} the already parsed certificate, not a parse of its encoding.
   */
  public static Certificate chain(TlsCrypto crypto, DtlsCertificate certificate)
      throws IOException {
    TlsCertificate tlsCertificate =
        crypto instanceof JcaTlsCrypto jca
            ? new JcaTlsCertificate(jca, certificate.certificate())
            : crypto.createCertificate(certificate.encoded());
    return new Certificate(new TlsCertificate[] {tlsCertificate});
  }

  /** ECDSA-SHA256 signing credentials for {@code certificate} within {@code context}. */
  public static TlsCredentialedSigner signer(
      TlsContext context, TlsCrypto crypto, DtlsCertificate certificate) throws IOException {
    Certificate chain = chain(crypto, certificate);
    TlsCryptoParameters parameters = new TlsCryptoParameters(context);
    if (crypto instanceof JcaTlsCrypto jca) {
      return new JcaDefaultTlsCredentialedSigner(
          parameters, jca, certificate.privateKey(), chain, ECDSA_SHA256);
    }
    if (crypto instanceof BcTlsCrypto bc) {
      AsymmetricKeyParameter key =
          PrivateKeyFactory.createKey(certificate.privateKey().getEncoded());
      return new BcDefaultTlsCredentialedSigner(parameters, bc, key, chain, ECDSA_SHA256);
    }
    throw new DtlsException("unsupported TlsCrypto: " + crypto.getClass().getName());
  }
}
