package dev.squall.bench.stun;

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
 * Starts coturn's {@code turnserver} as the reference STUN server: loopback only, a free port, no
 * TLS/DTLS/CLI, long-term credentials with one user, pid file, log and user database in a temporary
 * directory. The relay thread count is left at coturn's default (one per CPU on Linux 3.9+, each
 * with its own SO_REUSEPORT UDP socket) unless {@code relayThreads} is given.
 */
public final class Coturn {
  private Coturn() {}

  /** A started coturn with its STUN port. Close the process to stop it. */
  public record Started(ManagedProcess process, int port, Path config) {}

  public static Started start(Path dir, Integer relayThreads) throws IOException {
    return launch(
        dir,
        "alt-listening-port="
            + Ports.free()
            + "\nlt-cred-mech\nuser=bench:bench\nrealm=bench.squall.dev\n"
            + "min-port=49152\nmax-port=49200\n",
        relayThreads);
  }

  /**
   * Starts {@code turnserver} on a free port of 127.0.0.1 (relaying on 127.0.0.1, no TLS, DTLS or
   * CLI; user db, pid file and log in {@code dir}) with {@code extraConfig} lines added, and waits
   * until it answers STUN.
   *
   * @param relayThreads coturn's {@code relay-threads}, or null for its default
   */
  public static Started launch(Path dir, String extraConfig, Integer relayThreads)
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
        .append(extraConfig)
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

  /** Number of threads of the running process (from /proc), or -1. */
  public static int threadCount(long pid) {
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      return (int) tasks.count();
    } catch (IOException e) {
      return -1;
    }
  }
}
