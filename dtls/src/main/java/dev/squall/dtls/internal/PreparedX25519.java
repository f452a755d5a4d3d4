package dev.squall.dtls.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsSecret;

/**
 * The ephemeral X25519 key pair (RFC 7748) of one handshake's ECDHE agreement (RFC 8422 section
 * 5.11), made ahead of its use: {@link #generate} runs while the handshake waits for the peer's
 * flight, so the public value goes into our ServerKeyExchange or ClientKeyExchange without a scalar
 * multiplication on the critical path. The arithmetic is BouncyCastle's ({@link X25519}).
 *
 * <p>Single use: {@link #agreement} hands the pair to one agreement, whose {@link
 * TlsAgreement#calculateSecret} wipes the private key. Thread-safe.
 */
final class PreparedX25519 {

  private final SecureRandom random;
  private byte[] privateKey;
  private byte[] publicKey;
  private boolean handedOut;

  PreparedX25519(SecureRandom random) {
    this.random = random;
  }

  /** Makes the pair (one fixed-base scalar multiplication) unless it exists or was handed out. */
  synchronized void generate() {
    if (privateKey != null || handedOut) {
      return;
    }
    byte[] secret = new byte[X25519.SCALAR_SIZE];
    X25519.generatePrivateKey(random, secret);
    byte[] pub = new byte[X25519.POINT_SIZE];
    X25519.generatePublicKey(secret, 0, pub, 0);
    privateKey = secret;
    publicKey = pub;
  }

  /**
   * The agreement using this pair (made now if {@link #generate} was not called); null after the
   * first.
   */
  synchronized TlsAgreement agreement(TlsCrypto crypto) {
    if (handedOut) {
      return null;
    }
    generate();
    handedOut = true;
    TlsAgreement agreement = new Agreement(crypto, privateKey, publicKey);
    privateKey = null;
    publicKey = null;
    return agreement;
  }

  private static final class Agreement implements TlsAgreement {
    private final TlsCrypto crypto;
    private final byte[] privateKey;
    private final byte[] publicKey;
    private byte[] peerValue;

    Agreement(TlsCrypto crypto, byte[] privateKey, byte[] publicKey) {
      this.crypto = crypto;
      this.privateKey = privateKey;
      this.publicKey = publicKey;
    }

    @Override
    public byte[] generateEphemeral() {
      return publicKey.clone();
    }

    @Override
    public void receivePeerValue(byte[] value) throws IOException {
      if (value == null || value.length != X25519.POINT_SIZE) {
        throw new TlsFatalAlert(AlertDescription.illegal_parameter, "X25519 public value size");
      }
      peerValue = value.clone();
    }

    @Override
    public TlsSecret calculateSecret() throws IOException {
      if (peerValue == null) {
        throw new TlsFatalAlert(AlertDescription.internal_error, "no X25519 peer value");
      }
      byte[] shared = new byte[X25519.POINT_SIZE];
      try {
        // RFC 7748 section 6.1 / RFC 8422 section 5.11: an all-zero result must abort
        if (!X25519.calculateAgreement(privateKey, 0, peerValue, 0, shared, 0)) {
          throw new TlsFatalAlert(AlertDescription.handshake_failure, "X25519 result is zero");
        }
        return crypto.createSecret(shared);
      } finally {
        Arrays.fill(privateKey, (byte) 0);
        Arrays.fill(shared, (byte) 0);
      }
    }
  }
}
