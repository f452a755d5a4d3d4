package dev.squall.dtls.internal;

import dev.squall.dtls.DtlsConfig;
import dev.squall.dtls.DtlsRole;
import java.io.IOException;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;

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

  /**
   * Performs the handshake with {@code prepared}'s crypto and returns the connected record layer.
   * The overall time limit is {@code path}'s deadline (see {@link QueueDatagramTransport}).
   */
  public static DTLSTransport run(
      DtlsRole role,
      QueueDatagramTransport path,
      HandshakeSupport support,
      PreparedCrypto prepared,
      DtlsConfig config)
      throws IOException {
    int resend = (int) config.initialRetransmit().toMillis();
    if (role == DtlsRole.CLIENT) {
      return new DTLSClientProtocol().connect(new SquallTlsClient(prepared, support, resend), path);
    }
    DTLSServerProtocol server = new DTLSServerProtocol();
    server.setVerifyRequests(false);
    return server.accept(new SquallTlsServer(prepared, support, resend), path);
  }
}
