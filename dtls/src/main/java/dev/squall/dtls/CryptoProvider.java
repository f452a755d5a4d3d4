package dev.squall.dtls;

/**
 * Which BouncyCastle {@code TlsCrypto} implementation does the record and handshake cryptography.
 * Measured on the project machine with {@code DtlsRecordBenchmark} (encrypt + decrypt of 1100-byte
 * application-data records; figures in the package documentation): {@link #JCA} moved about ten
 * times as many records as {@link #BC} and is the default, because the JDK's AES-GCM uses the CPU's
 * AES-NI and carry-less-multiply intrinsics while BC's is pure Java.
 */
public enum CryptoProvider {
  /**
   * {@code JcaTlsCrypto} with the JDK's ciphers, MACs and hashes (SunJCE AES-GCM) but P-256 key
   * pairs, ECDH and ECDSA from a private BouncyCastle provider instance, which is several times
   * faster than SunEC on Java 17 (a warm handshake's elliptic-curve work drops from about 8 ms to
   * under 2 ms per side). No provider is registered globally.
   */
  JCA,
  /** {@code BcTlsCrypto}: BouncyCastle's lightweight pure-Java primitives. */
  BC,
  /** {@code JcaTlsCrypto} entirely on the JDK's default JCA providers (SunEC for P-256). */
  JDK
}
