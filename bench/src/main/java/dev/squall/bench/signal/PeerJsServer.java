package dev.squall.bench.signal;

import dev.squall.bench.ManagedProcess;
import dev.squall.bench.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts the PeerJS server (npm {@code peer}, its own {@code peerjs} command) on 127.0.0.1 with a
 * connection limit above the benchmark's client count (its default of 5,000 would refuse half of
 * them); everything else stays at the package's defaults.
 */
final class PeerJsServer {
  private PeerJsServer() {}

  record Started(ManagedProcess process, int port) {}

  static Started start(Path installDir, int maxClients, Path logDir) throws IOException {
    Path bin = installDir.resolve("node_modules/peer/dist/bin/peerjs.js");
    if (!Files.isRegularFile(bin)) {
      throw new IOException(
          bin + " not found: install with `npm install --prefix " + installDir + " peer@1.0.2`");
    }
    int port = Ports.free();
    ManagedProcess p =
        ManagedProcess.start(
            "peerjs",
            List.of(
                "node",
                bin.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--concurrent_limit",
                Integer.toString(maxClients + 1000)),
            logDir.resolve("peerjs-server.log"));
    try {
      p.awaitTcp("127.0.0.1", port, Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      p.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting PeerJS", e);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
    return new Started(p, port);
  }
}
