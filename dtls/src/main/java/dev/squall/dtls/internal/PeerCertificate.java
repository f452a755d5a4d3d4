package dev.squall.dtls.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DigitallySigned;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsStreamVerifier;
import org.bouncycastle.tls.crypto.TlsVerifier;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCertificate;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * A certificate received in a handshake whose ECDSA P-256 signatures (ServerKeyExchange,
 * CertificateVerify) are checked by BouncyCastle's lightweight {@link ECDSASigner} on its
 * specialised P-256 curve: the JCA route looks up a {@code Signature} and converts the JDK's public
 * key into the provider's representation on every verification. Every other use, and every other
 * key, is {@link JcaTlsCertificate}'s.
 *
 * <p>Only the handshake signatures are checked: the certificate's own signature is not (a WebRTC
 * certificate is self-signed and trusted through the SDP fingerprint, RFC 8827 section 6.5, which
 * {@link HandshakeSupport#verifyPeer} compares before any signature of the peer is verified), as
 * with {@link JcaTlsCertificate}.
 */
final class PeerCertificate extends JcaTlsCertificate {

  private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

  /** P-256 with BouncyCastle's specialised field arithmetic. */
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());

  PeerCertificate(JcaTlsCrypto crypto, byte[] encoding) throws IOException {
    super(crypto, encoding);
  }

  @Override
  public TlsVerifier createVerifier(short signatureAlgorithm) throws IOException {
    if (signatureAlgorithm == SignatureAlgorithm.ecdsa
        && certificate.getPublicKey() instanceof ECPublicKey key
        && isP256(key.getParams())) {
      validateKeyUsageBit(KU_DIGITAL_SIGNATURE); // as JcaTlsCertificate does
      return new P256Verifier(publicKey(key));
    }
    return super.createVerifier(signatureAlgorithm);
  }

  /** True when {@code spec} is P-256 (same order, base point and field size). */
  private static boolean isP256(ECParameterSpec spec) {
    if (spec == null || !DOMAIN.getN().equals(spec.getOrder())) {
      return false;
    }
    BigInteger gx = DOMAIN.getG().getAffineXCoord().toBigInteger();
    BigInteger gy = DOMAIN.getG().getAffineYCoord().toBigInteger();
    return gx.equals(spec.getGenerator().getAffineX())
        && gy.equals(spec.getGenerator().getAffineY())
        && spec.getCurve().getField().getFieldSize() == 256;
  }

  private static ECPublicKeyParameters publicKey(ECPublicKey key) throws IOException {
    try {
      // ECPublicKeyParameters checks that the point lies on the curve and is not infinity
      return new ECPublicKeyParameters(
          DOMAIN.getCurve().createPoint(key.getW().getAffineX(), key.getW().getAffineY()), DOMAIN);
    } catch (IllegalArgumentException e) {
      throw new TlsFatalAlert(AlertDescription.bad_certificate, "invalid P-256 public key", e);
    }
  }

  /** ECDSA over the hash BouncyCastle computed for the signed content (RFC 8422 section 5.4). */
  private record P256Verifier(ECPublicKeyParameters key) implements TlsVerifier {
    @Override
    public TlsStreamVerifier getStreamVerifier(DigitallySigned signed) {
      return null;
    }

    @Override
    public boolean verifyRawSignature(DigitallySigned signed, byte[] hash) {
      SignatureAndHashAlgorithm algorithm = signed.getAlgorithm();
      if (algorithm != null && algorithm.getSignature() != SignatureAlgorithm.ecdsa) {
        return false;
      }
      BigInteger[] rs;
      try {
        rs = StandardDSAEncoding.INSTANCE.decode(DOMAIN.getN(), signed.getSignature());
      } catch (IOException | RuntimeException e) {
        return false;
      }
      ECDSASigner verifier = new ECDSASigner();
      verifier.init(false, key);
      return verifier.verifySignature(hash, rs[0], rs[1]);
    }
  }
}
