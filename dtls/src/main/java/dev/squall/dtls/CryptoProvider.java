package dev.squall.dtls;

/**
 * Which BouncyCastle {@code TlsCrypto} implementation does the record and handshake cryptography.
 * Measured on the project machine with {@code DtlsRecordBenchmark} (encrypt + decrypt of 1100-byte
 * application-data records; figures in the package documentation): {@link #JCA} moved about ten
 * times as many records as {@link #BC} and is the default, because the JDK's AES-GCM uses the CPU's
 * AES-NI and carry-less-multiply intrinsics while BC's is pure Java.
 */
public enum CryptoProvider {
  /** {@code JcaTlsCrypto} on the JDK's default JCA providers (no provider is registered). */
  JCA,
  /** {@code BcTlsCrypto}: BouncyCastle's lightweight pure-Java primitives. */
  BC
}
