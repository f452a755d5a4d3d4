package dev.squall.server.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates a self-signed ECDSA P-256 server certificate (SHA-256, 90 days) whose subject
 * alternative names are localhost, 127.0.0.1, ::1 and the configured host. Good for development and
 * for tests; browsers show a warning until the user accepts it.
 */
public final class SelfSignedCertificate {

  private static final Duration VALIDITY = Duration.ofDays(90);

  private SelfSignedCertificate() {}

  /** Creates a fresh key pair and certificate for {@code host} (a name or an IP literal). */
  public static PemCredentials generate(String host) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = gen.generateKeyPair();
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=" + cnFor(host) + ",O=Squall self-signed");
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(VALIDITY)),
              subject,
              pair.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName, false, new GeneralNames(altNames(host)));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new PemCredentials(List.of(cert), pair.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("cannot generate a self-signed certificate", e);
    }
  }

  /** The SHA-256 fingerprint in the colon-separated hex form browsers show. */
  public static String fingerprint(X509Certificate cert) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GeneralName[] altNames(String host) {
    Set<String> names = new LinkedHashSet<>(List.of("localhost"));
    Set<String> ips = new LinkedHashSet<>(List.of("127.0.0.1", "::1"));
    String h =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (isIpLiteral(h)) {
      if (!isWildcard(h)) {
        ips.add(h);
      }
    } else if (!h.isEmpty()) {
      names.add(h);
    }
    List<GeneralName> out = new ArrayList<>();
    names.forEach(n -> out.add(new GeneralName(GeneralName.dNSName, n)));
    ips.forEach(ip -> out.add(new GeneralName(GeneralName.iPAddress, ip)));
    return out.toArray(GeneralName[]::new);
  }

  private static String cnFor(String host) {
    String h = host.replaceAll("[^A-Za-z0-9.:-]", "");
    return h.isEmpty() || isWildcard(h) ? "localhost" : h;
  }

  private static boolean isIpLiteral(String h) {
    return h.matches("[0-9.]+") || h.contains(":");
  }

  private static boolean isWildcard(String h) {
    try {
      return isIpLiteral(h) && InetAddress.getByName(h).isAnyLocalAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
