package dev.squall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.squall.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pure-Java peer ({@code squall peer echo} and {@code squall peer receive}, run in-process
 * through the CLI's command line on host address 127.0.0.1) in a room with the real web app in
 * headless Chromium. The browser as the newcomer offers audio, video and data, and the Java peer
 * answers with only the data section accepted; the Java peer as the newcomer offers data only and
 * the browser answers. Either way the page's chat shows the Java peer's {@code "echo: <text>"}
 * under its name, and a file the page sends reaches {@code squall peer receive} intact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaPeerWithWebAppE2eTest {

  private static final Duration CONNECT = Duration.ofSeconds(45);
  private static final String ECHO_NAME = "JavaEcho";

  private InProcessServer server;
  private final List<CliRun> runs = new ArrayList<>();
  private AppPage page;

  @BeforeAll
  void startServer() {
    Chromium.requireInstalled();
    server = InProcessServer.start();
  }

  @AfterEach
  void stopPeers() {
    if (page != null) {
      page.close();
      page = null;
    }
    runs.forEach(CliRun::stop);
    runs.clear();
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theBrowserOffersMediaAndDataToTheJavaEchoPeerAndItsChatShowsTheEcho() {
    String room = "java-echo-first";
    startEcho(room);
    page = new AppPage(Chromium.launch(), server.base(), "Browser");
    page.join(room, "Ada");
    String echoId = awaitPeerNamed(ECHO_NAME);
    awaitChatThroughEcho(echoId);
  }

  @Test
  void theJavaEchoPeerOffersDataOnlyToTheBrowserAndItsChatShowsTheEcho() {
    String room = "browser-first";
    page = new AppPage(Chromium.launch(), server.base(), "Browser");
    page.join(room, "Ada");
    startEcho(room);
    String echoId = awaitPeerNamed(ECHO_NAME);
    awaitChatThroughEcho(echoId);
  }

  @Test
  void aFileFromTheBrowserReachesSquallPeerReceiveWithTheSameSha256(@TempDir Path dir)
      throws Exception {
    String room = "java-receive";
    int size = 300_000;
    CliRun receive =
        CliRun.start(
            "peer",
            "receive",
            "--server",
            server.base().toString(),
            "--room",
            room,
            "--ice-address",
            "127.0.0.1",
            "--name",
            "JavaReceiver",
            "--wait",
            "60",
            "--out",
            dir.toString());
    runs.add(receive);
    page = new AppPage(Chromium.launch(), server.base(), "Browser");
    page.join(room, "Ada");
    String receiverId = awaitPeerNamed("JavaReceiver");
    page.js(
        "const n = arguments[1]; const a = new Uint8Array(n);"
            + " for (let i = 0; i < n; i++) a[i] = (i * 31 + (i >> 8) * 7) & 255;"
            + " window.squall.sendFile(new File([a], 'from-browser.bin'), arguments[0])"
            + ".catch(e => console.warn('send failed', String(e)));",
        receiverId,
        size);

    assertThat(receive.exit().get(60, TimeUnit.SECONDS))
        .as("squall peer receive exit code; output:\n%s", receive.output())
        .isZero();
    byte[] expected = new byte[size];
    for (int i = 0; i < size; i++) {
      expected[i] = (byte) (i * 31 + (i >> 8) * 7);
    }
    String expectedSha =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected));
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.toList();
    }
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly("from-browser.bin");
    byte[] got = Files.readAllBytes(files.get(0));
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(got)))
        .isEqualTo(expectedSha);
    assertThat(receive.output()).contains("sha256 " + expectedSha);
    page.waitFor(() -> !page.list("sent").isEmpty(), Duration.ofSeconds(10), "the sent entry");
    assertThat(page.list("sent").get(0))
        .containsEntry("sha256", expectedSha)
        .containsEntry("to", receiverId);
  }

  /** Starts {@code squall peer echo} in the room and waits until it has joined. */
  private void startEcho(String room) {
    CliRun echo =
        CliRun.start(
            "peer",
            "echo",
            "--server",
            server.base().toString(),
            "--room",
            room,
            "--ice-address",
            "127.0.0.1",
            "--name",
            ECHO_NAME);
    runs.add(echo);
    await("the echo peer to join")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .failFast("the echo command exited", (Callable<Boolean>) () -> echo.exit().isDone())
        .until(() -> echo.output().contains("Echoing in room " + room));
  }

  /** The id of the page's remote peer with that name, once its connection is connected. */
  private String awaitPeerNamed(String name) {
    String[] id = new String[1];
    withPeerOutput(
        () ->
            page.waitFor(
                () -> {
                  for (Map.Entry<String, Map<String, Object>> e : page.peers().entrySet()) {
                    if (name.equals(e.getValue().get("name"))
                        && "connected".equals(e.getValue().get("connectionState"))) {
                      id[0] = e.getKey();
                      return true;
                    }
                  }
                  return false;
                },
                CONNECT,
                name + " to connect"));
    return id[0];
  }

  /**
   * Waits until the Java peer's {@code media} message shows on its tile (so the chat channel is
   * open both ways), sends a chat message and waits for the echo under the Java peer's name.
   */
  private void awaitChatThroughEcho(String echoId) {
    withPeerOutput(
        () ->
            page.waitUntil(
                "const t = document.querySelector(`[data-peer-id='${arguments[0]}']`);"
                    + " return t !== null && t.dataset.video === 'off';",
                CONNECT,
                "the echo peer's media message on the chat channel",
                echoId));
    String text = "hello Java " + System.nanoTime();
    page.js("window.squall.sendChat(arguments[0])", text);
    withPeerOutput(
        () ->
            page.waitFor(
                () ->
                    page.list("chat").stream()
                        .anyMatch(
                            m ->
                                ("echo: " + text).equals(m.get("text"))
                                    && ECHO_NAME.equals(m.get("name"))
                                    && echoId.equals(m.get("from"))),
                Duration.ofSeconds(20),
                "the echo of the chat message"));
    assertThat(page.byTestId("chat-log").getText()).contains(ECHO_NAME).contains("echo: " + text);
  }

  /** Runs a page wait; a timeout also reports what the Java peers printed. */
  private void withPeerOutput(Runnable wait) {
    try {
      wait.run();
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- Java peers ---\n" + runsOutput(), e);
    }
  }

  private String runsOutput() {
    StringBuilder sb = new StringBuilder();
    runs.forEach(r -> sb.append(r.output()));
    return sb.toString();
  }

  /** One {@code squall} command line run on its own thread; stopped by interrupting it. */
  private static final class CliRun {
    private final StringWriter text = new StringWriter();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;

    private CliRun(String[] args) {
      PrintWriter w = new PrintWriter(text, true);
      thread =
          new Thread(
              () -> {
                try {
                  exit.complete(Main.execute(args, w, w));
                } catch (Throwable t) {
                  exit.completeExceptionally(t);
                }
              },
              "squall-cli-" + args[1]);
      thread.setDaemon(true);
    }

    static CliRun start(String... args) {
      CliRun run = new CliRun(args);
      run.thread.start();
      return run;
    }

    CompletableFuture<Integer> exit() {
      return exit;
    }

    String output() {
      return text.toString();
    }

    void stop() {
      thread.interrupt();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
