package dev.squall.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the HTTP/WebSocket port speaks TLS: not at all, with a PEM certificate chain and private key
 * from files, or with a freshly generated self-signed ECDSA P-256 certificate.
 */
public sealed interface TlsConfig permits TlsConfig.Off, TlsConfig.PemFiles, TlsConfig.SelfSigned {

  /** Plain HTTP and WebSocket. */
  record Off() implements TlsConfig {}

  /**
   * A PEM certificate chain (leaf first) and its PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC;
   * unencrypted).
   */
  record PemFiles(Path certificate, Path privateKey) implements TlsConfig {
    public PemFiles {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  /**
   * A certificate generated at start, valid for localhost, 127.0.0.1, ::1 and the configured host.
   */
  record SelfSigned() implements TlsConfig {}

  static TlsConfig off() {
    return new Off();
  }

  static TlsConfig pem(Path certificate, Path privateKey) {
    return new PemFiles(certificate, privateKey);
  }

  static TlsConfig selfSigned() {
    return new SelfSigned();
  }

  /** True unless this is {@link Off}. */
  default boolean enabled() {
    return !(this instanceof Off);
  }
}
