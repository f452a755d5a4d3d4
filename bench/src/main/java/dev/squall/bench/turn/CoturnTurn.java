package dev.squall.bench.turn;

import dev.squall.bench.stun.Coturn;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts coturn's {@code turnserver} as the reference TURN server, set up like the Squall server
 * under test: loopback listener and relay address, the full relay port range, REST-API credentials
 * with the same shared secret ({@code use-auth-secret}), loopback peers allowed (the echo peer is
 * on loopback), no TLS/DTLS/CLI, no quotas, coturn's default thread count (one relay thread per
 * CPU). Config, pid file and log live in a temporary directory; no systemd.
 */
final class CoturnTurn {
  private CoturnTurn() {}

  static Coturn.Started start(Path dir, String realm, String secret, Integer relayThreads)
      throws IOException {
    return Coturn.launch(
        dir,
        "use-auth-secret\nstatic-auth-secret="
            + secret
            + "\nrealm="
            + realm
            + "\nallow-loopback-peers\n"
            + "min-port=49152\nmax-port=65535\n"
            + "total-quota=0\nuser-quota=0\n",
        relayThreads);
  }
}
