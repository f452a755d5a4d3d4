package dev.squall.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the Squall server under test as a separate JVM from the runnable jar: {@code java [opts]
 * -jar squall-all.jar serve --host 127.0.0.1 --port P --stun-port S [extra]}, and waits until both
 * the WebSocket port accepts connections and the STUN port answers a Binding request.
 */
public final class SquallServerProcess {
  private SquallServerProcess() {}

  /** A started server with its ports. Close the process to stop it. */
  public record Started(ManagedProcess process, int httpPort, int stunPort) {}

  public static Started start(
      Path jar, List<String> jvmOptions, List<String> extraArgs, Path logDir) throws IOException {
    int httpPort = Ports.free();
    int stunPort = Ports.free();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-jar", jar.toString(), "serve", "--host", "127.0.0.1"));
    cmd.addAll(List.of("--port", Integer.toString(httpPort)));
    cmd.addAll(List.of("--stun-port", Integer.toString(stunPort)));
    cmd.addAll(extraArgs);
    ManagedProcess p = ManagedProcess.start("squall", cmd, logDir.resolve("squall-server.log"));
    try {
      p.awaitTcp("127.0.0.1", httpPort, Duration.ofSeconds(60));
      InetSocketAddress stun = new InetSocketAddress("127.0.0.1", stunPort);
      p.awaitReady(() -> StunProbe.answers(stun), Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      p.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the Squall server", e);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
    return new Started(p, httpPort, stunPort);
  }
}
