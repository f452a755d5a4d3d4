package dev.squall.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {

  @Test
  void generatesASelfSignedP256CertificateValidAroundNow() throws Exception {
    DtlsCertificate cert = Harness.SERVER_CERT;
    X509Certificate x509 = cert.certificate();
    assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=squall");
    assertThat(x509.getIssuerX500Principal()).isEqualTo(x509.getSubjectX500Principal());
    x509.verify(x509.getPublicKey());
    assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
    ECPublicKey key = (ECPublicKey) x509.getPublicKey();
    assertThat(key.getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
    x509.checkValidity(new Date());
    assertThat(x509.getNotBefore().toInstant()).isBefore(Instant.now());
    assertThat(x509.getNotAfter().toInstant())
        .isBefore(Instant.now().plus(Duration.ofDays(31)))
        .isAfter(Instant.now().plus(Duration.ofDays(29)));
    assertThat(x509.getSerialNumber().signum()).isPositive();
    assertThat(x509.getSerialNumber())
        .isNotEqualTo(Harness.CLIENT_CERT.certificate().getSerialNumber());
    assertThat(cert.fingerprint()).isNotEqualTo(Harness.CLIENT_CERT.fingerprint());
  }

  @Test
  void roundTripsThroughPem() {
    DtlsCertificate cert = Harness.CLIENT_CERT;
    assertThat(cert.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(cert.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    DtlsCertificate loaded = DtlsCertificate.fromPem(cert.certificatePem(), cert.privateKeyPem());
    assertThat(loaded.fingerprint()).isEqualTo(cert.fingerprint());
    assertThat(loaded.privateKey().getEncoded()).isEqualTo(cert.privateKey().getEncoded());
  }

  @Test
  void rejectsAKeyThatDoesNotBelongToTheCertificateAndGarbage() {
    String cert = Harness.CLIENT_CERT.certificatePem();
    String otherKey = Harness.SERVER_CERT.privateKeyPem();
    assertThatThrownBy(() -> DtlsCertificate.fromPem(cert, otherKey))
        .isInstanceOf(DtlsException.class)
        .hasMessage("private key does not belong to the certificate");
    assertThatThrownBy(() -> DtlsCertificate.fromPem("nonsense", otherKey))
        .isInstanceOf(DtlsException.class)
        .hasMessageContaining("no CERTIFICATE");
    assertThatThrownBy(() -> DtlsCertificate.fromPem(cert, cert))
        .isInstanceOf(DtlsException.class)
        .hasMessageContaining("no PRIVATE KEY");
  }

  @Test
  void suppliedCertificatesWorkInAHandshake() throws Exception {
    DtlsCertificate loaded =
        DtlsCertificate.fromPem(
            Harness.SERVER_CERT.certificatePem(), Harness.SERVER_CERT.privateKeyPem());
    assertThat(loaded.fingerprint()).isEqualTo(Harness.SERVER_CERT.fingerprint());
    DtlsCertificate custom =
        DtlsCertificate.generate("custom", Duration.ofHours(1), new java.security.SecureRandom());
    assertThat(custom.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=custom");
  }
}
