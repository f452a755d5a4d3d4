package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.server.internal.PemCredentials;
import dev.squall.server.internal.SelfSignedCertificate;
import java.io.StringWriter;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

  @TempDir Path tmp;

  @Test
  void selfSignedServesHttps() throws Exception {
    try (SquallServer server =
        new SquallServer(TestServers.config().tls(TlsConfig.selfSigned()).build())) {
      server.start();
      HttpResponse<String> r =
          trustAll()
              .send(
                  HttpRequest.newBuilder(TestServers.uri(server, "/healthz")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.uri().getScheme()).isEqualTo("https");
      assertThat(r.headers().firstValue("strict-transport-security")).isPresent();
      X509Certificate cert =
          (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
      assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
      assertThat(cert.getSubjectAlternativeNames())
          .contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
    }
  }

  @Test
  void pemFilesServeHttps() throws Exception {
    PemCredentials creds = SelfSignedCertificate.generate("example.test");
    Path cert = write("cert.pem", creds.chain().get(0));
    Path key = write("key.pem", creds.key());
    try (SquallServer server =
        new SquallServer(TestServers.config().tls(TlsConfig.pem(cert, key)).build())) {
      server.start();
      HttpResponse<String> r =
          trustAll()
              .send(
                  HttpRequest.newBuilder(TestServers.uri(server, "/")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.body()).contains("test-index-marker");
      X509Certificate served =
          (X509Certificate) r.sslSession().orElseThrow().getPeerCertificates()[0];
      assertThat(served).isEqualTo(creds.chain().get(0));
    }
  }

  @Test
  void missingCertificateIsAClearError() {
    Path cert = tmp.resolve("missing-cert.pem");
    Path key = tmp.resolve("missing-key.pem");
    assertThatThrownBy(() -> startWith(cert, key))
        .isInstanceOf(TlsSetupException.class)
        .hasMessage("TLS certificate file " + cert + " does not exist or is not readable");
  }

  @Test
  void garbageCertificateIsAClearError() throws Exception {
    Path cert = Files.writeString(tmp.resolve("cert.pem"), "hello, I am not a certificate\n");
    Path key = write("key.pem", SelfSignedCertificate.generate("x").key());
    assertThatThrownBy(() -> startWith(cert, key))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining(cert.toString())
        .hasMessageContaining("BEGIN CERTIFICATE");
  }

  @Test
  void corruptPemIsAClearError() throws Exception {
    Path cert =
        Files.writeString(
            tmp.resolve("cert.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA!!!!\n-----END CERTIFICATE-----\n");
    Path key = write("key.pem", SelfSignedCertificate.generate("x").key());
    assertThatThrownBy(() -> startWith(cert, key))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageStartingWith("TLS certificate " + cert + " is not valid PEM");
  }

  @Test
  void keyOfAnotherCertificateIsAClearError() throws Exception {
    Path cert = write("cert.pem", SelfSignedCertificate.generate("a").chain().get(0));
    Path key = write("key.pem", SelfSignedCertificate.generate("b").key());
    assertThatThrownBy(() -> startWith(cert, key))
        .isInstanceOf(TlsSetupException.class)
        .hasMessage("TLS key " + key + " does not belong to the certificate in " + cert);
  }

  @Test
  void certificateGivenAsKeyIsAClearError() throws Exception {
    Path cert = write("cert.pem", SelfSignedCertificate.generate("a").chain().get(0));
    assertThatThrownBy(() -> startWith(cert, cert))
        .isInstanceOf(TlsSetupException.class)
        .hasMessageContaining("TLS key " + cert)
        .hasMessageContaining("PRIVATE KEY");
  }

  private void startWith(Path cert, Path key) {
    try (SquallServer server =
        new SquallServer(TestServers.config().tls(TlsConfig.pem(cert, key)).build())) {
      server.start();
    }
  }

  private Path write(String name, Object pemObject) throws Exception {
    StringWriter sw = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
      w.writeObject(
          pemObject instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : pemObject);
    }
    return Files.writeString(tmp.resolve(name), sw.toString());
  }

  static HttpClient trustAll() throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
    return HttpClient.newBuilder().sslContext(ctx).build();
  }

  /** Accepts any server certificate: the tests only check that TLS works end to end. */
  static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {}

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {}

    @Override
    public void checkClientTrusted(X509Certificate[] c, String a) {}

    @Override
    public void checkServerTrusted(X509Certificate[] c, String a) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
