package dev.squall.bench.turn;

import dev.squall.bench.ManagedProcess;
import dev.squall.bench.Ports;
import dev.squall.bench.StunProbe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts coturn's {@code turnserver} as the reference TURN server, set up like the Squall server
 * under test: loopback listener and relay address, the full relay port range, REST-API credentials
 * with the same shared secret ({@code use-auth-secret}), loopback peers allowed (the echo peer is
 * on loopback), no TLS/DTLS/CLI, no quotas, coturn's default thread count (one relay thread per
 * CPU). Config, pid file and log live in a temporary directory; no systemd.
 */
final class CoturnTurn {
  private CoturnTurn() {}

  /** A started coturn with its listening port. Close the process to stop it. */
  record Started(ManagedProcess process, int port, Path config) {}

  static Started start(Path dir, String realm, String secret, Integer relayThreads)
      throws IOException {
    int port = Ports.free();
    Path config = dir.resolve("turnserver.conf");
    StringBuilder conf = new StringBuilder();
    conf.append("listening-ip=127.0.0.1\n")
        .append("relay-ip=127.0.0.1\n")
        .append("listening-port=")
        .append(port)
        .append('\n')
        .append("no-tls\nno-dtls\nno-cli\n")
        .append("use-auth-secret\nstatic-auth-secret=")
        .append(secret)
        .append('\n')
        .append("realm=")
        .append(realm)
        .append('\n')
        .append("allow-loopback-peers\n")
        .append("min-port=49152\nmax-port=65535\n")
        .append("total-quota=0\nuser-quota=0\n")
        .append("userdb=")
        .append(dir.resolve("turndb"))
        .append('\n')
        .append("pidfile=")
        .append(dir.resolve("turnserver.pid"))
        .append('\n')
        .append("log-file=")
        .append(dir.resolve("turnserver.log"))
        .append('\n')
        .append("simple-log\nno-stdout-log\n");
    if (relayThreads != null) {
      conf.append("relay-threads=").append(relayThreads).append('\n');
    }
    Files.writeString(config, conf);
    ManagedProcess p =
        ManagedProcess.start(
            "coturn", List.of("turnserver", "-c", config.toString()), dir.resolve("stdout.log"));
    try {
      InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
      p.awaitReady(() -> StunProbe.answers(target), Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      p.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting coturn", e);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
    return new Started(p, port, config);
  }
}
