package dev.squall.dtls.internal;

import dev.squall.dtls.CryptoProvider;
import dev.squall.dtls.DtlsCertificate;
import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * The cryptography of one handshake: the {@link TlsCrypto}, our signing credentials, and with
 * {@link CryptoProvider#JCA} the ephemeral X25519 key pair, which {@link #precompute} makes while
 * the handshake waits for the peer rather than when the key exchange message is written.
 *
 * <p>One instance per handshake (the ephemeral key is single use); made and used on the handshake
 * thread.
 */
public final class PreparedCrypto {

  private final TlsCrypto crypto;
  private final DtlsCertificate certificate;
  private final PreparedX25519 x25519;

  private PreparedCrypto(TlsCrypto crypto, DtlsCertificate certificate, PreparedX25519 x25519) {
    this.crypto = crypto;
    this.certificate = certificate;
    this.x25519 = x25519;
  }

  /** The crypto of {@code provider} for one handshake with {@code certificate}. */
  public static PreparedCrypto create(CryptoProvider provider, DtlsCertificate certificate) {
    if (provider != CryptoProvider.JCA) {
      return new PreparedCrypto(TlsCryptoFactory.create(provider), certificate, null);
    }
    SecureRandom random = new SecureRandom();
    PreparedX25519 x25519 = new PreparedX25519(random);
    return new PreparedCrypto(
        new SquallJcaTlsCrypto(new EcOnBouncyCastleHelper(), random, new SecureRandom(), x25519),
        certificate,
        x25519);
  }

  /** Makes the ephemeral key pair now, if there is one to make; idempotent. */
  public void precompute() {
    if (x25519 != null) {
      x25519.generate();
    }
  }

  public TlsCrypto crypto() {
    return crypto;
  }

  /** Our signing credentials within {@code context}. */
  TlsCredentialedSigner signer(TlsContext context) throws IOException {
    return TlsCryptoFactory.signer(context, crypto, certificate);
  }
}
