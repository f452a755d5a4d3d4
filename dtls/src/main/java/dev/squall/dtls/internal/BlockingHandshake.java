package dev.squall.dtls.internal;

import dev.squall.dtls.DtlsConfig;
import dev.squall.dtls.DtlsRole;
import java.io.IOException;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * Runs BouncyCastle's blocking DTLS handshake for one role over a {@link QueueDatagramTransport}.
 * Call {@link #run} on a thread that may block for up to the handshake timeout, never on the
 * protocol loop.
 *
 * <p>The server skips the HelloVerifyRequest cookie exchange (RFC 6347 4.2.1): in WebRTC, ICE
 * connectivity checks have already proven the peer's address, and browsers do not expect it.
 */
public final class BlockingHandshake {

  private BlockingHandshake() {}

  /** Performs the handshake and returns the connected record layer. */
  public static DTLSTransport run(
      DtlsRole role, QueueDatagramTransport path, HandshakeSupport support, DtlsConfig config)
      throws IOException {
    TlsCrypto crypto = TlsCryptoFactory.create(config.crypto());
    int timeout = (int) config.handshakeTimeout().toMillis();
    int resend = (int) config.initialRetransmit().toMillis();
    if (role == DtlsRole.CLIENT) {
      return new DTLSClientProtocol()
          .connect(new SquallTlsClient(crypto, support, timeout, resend), path);
    }
    DTLSServerProtocol server = new DTLSServerProtocol();
    server.setVerifyRequests(false);
    return server.accept(new SquallTlsServer(crypto, support, timeout, resend), path);
  }
}
