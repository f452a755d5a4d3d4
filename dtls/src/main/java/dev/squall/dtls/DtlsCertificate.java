package dev.squall.dtls;

import dev.squall.dtls.internal.TlsCryptoFactory;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * This endpoint's DTLS identity: an ECDSA P-256 key pair and an X.509 certificate for it. WebRTC
 * certificates are self-signed and trusted only through the fingerprint in the SDP (RFC 8827
 * section 6.5), so {@link #generate()} makes a fresh one per peer: random 64-bit serial, subject
 * and issuer {@code CN=squall}, valid from a day before now for 30 days (browsers accept any
 * window; the day of slack absorbs clock skew). {@link #fromPem} loads a supplied one.
 *
 * <p>Immutable and thread-safe. Keys and certificates are made with the JDK's default JCA
 * providers; the private key is then held as a BouncyCastle EC key object (a {@link
 * java.security.interfaces.ECPrivateKey}) because handshakes sign with BouncyCastle's ECDSA (see
 * {@link CryptoProvider#JCA}). No provider is registered globally.
 */
public final class DtlsCertificate {

  /** Default subject common name. */
  public static final String DEFAULT_COMMON_NAME = "squall";

  private static final Duration BACKDATE = Duration.ofDays(1);
  private static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);

  private final X509Certificate certificate;
  private final PrivateKey privateKey;
  private final byte[] encoded;
  private final Fingerprint fingerprint;

  private DtlsCertificate(X509Certificate certificate, PrivateKey privateKey) {
    this.certificate = certificate;
    // converted once here: BouncyCastle's ECDSA signs its own key objects without per-call setup
    this.privateKey = TlsCryptoFactory.handshakeKey(privateKey);
    try {
      this.encoded = certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new DtlsException("cannot encode certificate", e);
    }
    this.fingerprint = Fingerprint.sha256(encoded);
  }

  /** A fresh self-signed P-256 certificate, {@code CN=squall}, valid 30 days. */
  public static DtlsCertificate generate() {
    return generate(DEFAULT_COMMON_NAME, DEFAULT_VALIDITY, new SecureRandom());
  }

  /** A fresh self-signed P-256 certificate with the given subject CN and validity from now. */
  public static DtlsCertificate generate(
      String commonName, Duration validity, SecureRandom random) {
    Objects.requireNonNull(commonName, "commonName");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive: " + validity);
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
      KeyPair keys = generator.generateKeyPair();
      X500Name name = new X500Name("CN=" + commonName);
      Instant now = Instant.now();
      // positive 63-bit serial: RFC 5280 4.1.2.2 wants a positive integer of at most 20 octets
      BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              name,
              serial,
              Date.from(now.minus(BACKDATE)),
              Date.from(now.plus(validity)),
              name,
              keys.getPublic());
      X509CertificateHolder holder =
          builder.build(
              new JcaContentSignerBuilder("SHA256withECDSA")
                  .setSecureRandom(random)
                  .build(keys.getPrivate()));
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
      return new DtlsCertificate(certificate, keys.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new DtlsException("cannot generate an ECDSA P-256 certificate", e);
    }
  }

  /**
   * Loads a certificate and its EC private key from PEM text ({@code CERTIFICATE}; {@code PRIVATE
   * KEY} or {@code EC PRIVATE KEY}). The key must sign what the certificate's public key verifies.
   *
   * @throws DtlsException when either is missing, malformed, not EC, or they do not belong together
   */
  public static DtlsCertificate fromPem(String certificatePem, String privateKeyPem) {
    try {
      Object certObject = readPem(certificatePem);
      if (!(certObject instanceof X509CertificateHolder holder)) {
        throw new DtlsException("no CERTIFICATE block in the certificate PEM");
      }
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
      Object keyObject = readPem(privateKeyPem);
      PrivateKeyInfo keyInfo;
      if (keyObject instanceof PEMKeyPair pair) {
        keyInfo = pair.getPrivateKeyInfo();
      } else if (keyObject instanceof PrivateKeyInfo info) {
        keyInfo = info;
      } else {
        throw new DtlsException("no PRIVATE KEY or EC PRIVATE KEY block in the key PEM");
      }
      PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(keyInfo);
      if (!"EC".equals(key.getAlgorithm())) {
        throw new DtlsException("DTLS key must be EC (ECDSA), got " + key.getAlgorithm());
      }
      checkPair(certificate, key);
      return new DtlsCertificate(certificate, key);
    } catch (IOException | GeneralSecurityException e) {
      throw new DtlsException("cannot read PEM certificate or key: " + e.getMessage(), e);
    }
  }

  /** The SHA-256 fingerprint, as {@code a=fingerprint} announces it. */
  public Fingerprint fingerprint() {
    return fingerprint;
  }

  /** The fingerprint under another hash function (e.g. {@code sha-384}). */
  public Fingerprint fingerprint(String algorithm) {
    return Fingerprint.of(encoded, algorithm);
  }

  /** The DER encoding (a copy). */
  public byte[] encoded() {
    return encoded.clone();
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The certificate as a PEM {@code CERTIFICATE} block. */
  public String certificatePem() {
    return toPem(certificate);
  }

  /** The private key as a PKCS#8 PEM {@code PRIVATE KEY} block. Keep it secret. */
  public String privateKeyPem() {
    return toPem(new PemObject("PRIVATE KEY", privateKey.getEncoded()));
  }

  @Override
  public String toString() {
    return "DtlsCertificate[" + certificate.getSubjectX500Principal() + ", " + fingerprint + "]";
  }

  private static Object readPem(String pem) throws IOException {
    Objects.requireNonNull(pem, "pem");
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      return parser.readObject();
    }
  }

  private static String toPem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new DtlsException("cannot write PEM", e);
    }
    return out.toString();
  }

  private static void checkPair(X509Certificate certificate, PrivateKey key)
      throws GeneralSecurityException {
    byte[] probe = "squall-dtls key check".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance("SHA256withECDSA");
    signer.initSign(key);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(probe);
    if (!verifier.verify(signature)) {
      throw new DtlsException("private key does not belong to the certificate");
    }
  }
}
