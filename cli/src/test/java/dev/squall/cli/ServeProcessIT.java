package dev.squall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the shaded jar as a real process ({@code java -jar squall-all.jar serve}), talks to it,
 * and stops it with SIGTERM: the WebSocket client must be told {@code shutdown} and the process
 * must exit 0. Runs in Maven's integration-test phase, after the jar is built.
 */
class ServeProcessIT {

  @TempDir Path tmp;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killLeftovers() throws Exception {
    for (Process p : processes) {
      if (p.isAlive()) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private Process start(BlockingQueue<String> stdout, String... args) throws Exception {
    Path jar = Path.of(System.getProperty("squall.jar", "target/squall-all.jar"));
    assertThat(jar).as("the shaded jar (built by 'package')").isRegularFile();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("SQUALL_PORT", "0"); // the environment variable is honoured
    pb.redirectError(tmp.resolve("stderr.txt").toFile());
    Process p = pb.start();
    processes.add(p);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  stdout.add(line);
                }
              } catch (java.io.IOException e) {
                stdout.add("<stdout closed: " + e + ">");
              }
            },
            "squall-stdout");
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  private String awaitLine(BlockingQueue<String> lines, String prefix, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(200, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
      if (line == null && !p.isAlive()) {
        throw new AssertionError(
            "squall exited with "
                + p.exitValue()
                + ": "
                + Files.readString(tmp.resolve("stderr.txt")));
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "' within 90 s");
  }

  @Test
  void sigtermStopsGracefullyTellsClientsAndExitsZero() throws Exception {
    BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    Process p = start(stdout, "serve", "--host", "127.0.0.1", "--stun-port", "0");
    String open = awaitLine(stdout, "Open ", p);
    assertThat(open).matches("Open http://127\\.0\\.0\\.1:\\d+/");
    URI base = URI.create(open.substring("Open ".length()));
    String stun = awaitLine(stdout, "STUN on ", p);
    assertThat(stun)
        .matches("STUN on 127\\.0\\.0\\.1:\\d+ \\(UDP\\), 127\\.0\\.0\\.1:\\d+ \\(TCP\\)");

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(base.resolve("/healthz")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);

    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    WebSocket ws =
        http.newWebSocketBuilder()
            .buildAsync(URI.create("ws://" + base.getAuthority() + "/ws"), new Collector(received))
            .get(10, TimeUnit.SECONDS);
    ws.sendText("{\"type\":\"join\",\"room\":\"process-test\",\"name\":\"Ada\"}", true)
        .get(5, TimeUnit.SECONDS);
    assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"joined\"");

    p.destroy(); // SIGTERM
    String shutdown = null;
    for (String m = received.poll(15, TimeUnit.SECONDS);
        m != null;
        m = received.poll(15, TimeUnit.SECONDS)) {
      if (m.contains("\"type\":\"shutdown\"")) {
        shutdown = m;
        break;
      }
    }
    assertThat(shutdown).as("the client is told the server is stopping").isNotNull();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exits within 20 s").isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("stderr.txt"))).isZero();
    assertThat(Files.readString(tmp.resolve("stderr.txt"))).contains("SIGTERM received, stopping");
  }

  @Test
  void badFlagExitsTwoWithOneLine() throws Exception {
    BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    Process p = start(stdout, "serve", "--port", "99999");
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(Files.readString(tmp.resolve("stderr.txt")))
        .startsWith("squall serve: --port (or SQUALL_PORT) must be between 0 and 65535, was 99999");
  }

  /** Collects whole text messages. */
  private static final class Collector implements WebSocket.Listener {
    private final BlockingQueue<String> received;
    private final StringBuilder partial = new StringBuilder();

    Collector(BlockingQueue<String> received) {
      this.received = received;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
