package dev.squall.server.internal;

import dev.squall.server.TlsConfig;
import dev.squall.server.TlsSetupException;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Netty server {@link SslContext}s for a {@link TlsConfig}: one for HTTPS/WSS (ALPN
 * {@code http/1.1}) and one for TURN over TLS (no ALPN), both from the same certificate.
 */
public final class TlsContexts {

  /**
   * The contexts of one certificate.
   *
   * @param http for the HTTP/WebSocket port
   * @param turn for TURN over TLS (RFC 8656 §3.1)
   */
  public record Contexts(SslContext http, SslContext turn) {}

  private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);

  private TlsContexts() {}

  /**
   * Returns the server contexts, or null for {@link TlsConfig.Off}.
   *
   * @throws TlsSetupException when the files are missing, invalid or do not match
   */
  public static Contexts create(TlsConfig tls, String host) {
    PemCredentials credentials;
    if (tls instanceof TlsConfig.PemFiles pem) {
      credentials = PemCredentials.load(pem.certificate(), pem.privateKey());
    } else if (tls instanceof TlsConfig.SelfSigned) {
      credentials = SelfSignedCertificate.generate(host);
      log.info(
          "generated a self-signed TLS certificate, SHA-256 fingerprint {}",
          SelfSignedCertificate.fingerprint(credentials.chain().get(0)));
    } else {
      return null;
    }
    X509Certificate[] chain = credentials.chain().toArray(X509Certificate[]::new);
    try {
      SslContext http =
          SslContextBuilder.forServer(credentials.key(), chain)
              .applicationProtocolConfig(
                  new ApplicationProtocolConfig(
                      ApplicationProtocolConfig.Protocol.ALPN,
                      ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                      ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                      ApplicationProtocolNames.HTTP_1_1))
              .build();
      SslContext turn = SslContextBuilder.forServer(credentials.key(), chain).build();
      return new Contexts(http, turn);
    } catch (SSLException | IllegalArgumentException e) {
      throw new TlsSetupException("cannot set up TLS: " + e.getMessage(), e);
    }
  }
}
