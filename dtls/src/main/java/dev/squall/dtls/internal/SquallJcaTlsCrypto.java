package dev.squall.dtls.internal;

import java.security.SecureRandom;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * {@link JcaTlsCrypto} on a chosen {@link JcaJceHelper} (its constructor is protected). Used with
 * {@link EcOnBouncyCastleHelper}: BouncyCastle's elliptic curves, the JDK's ciphers.
 */
final class SquallJcaTlsCrypto extends JcaTlsCrypto {

  SquallJcaTlsCrypto(JcaJceHelper helper, SecureRandom entropy, SecureRandom nonceEntropy) {
    super(helper, entropy, nonceEntropy);
  }
}
