package dev.squall.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.cli.Main;
import dev.squall.server.ServerConfig;
import dev.squall.server.SquallServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code squall peer send} → {@code squall peer receive} through an in-process server. */
class PeerFileTransferTest {

  @TempDir Path tmp;
  private SquallServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @BeforeEach
  void startServer() {
    server =
        new SquallServer(ServerConfig.builder().host("127.0.0.1").httpPort(0).stunPort(-1).build());
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    server.close();
  }

  record Run(int code, String out, String err) {}

  private Future<Run> run(String... args) {
    return pool.submit(
        () -> {
          StringWriter out = new StringWriter();
          StringWriter err = new StringWriter();
          int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
          return new Run(code, out.toString(), err.toString());
        });
  }

  @Test
  void aFiveMegabyteFileArrivesIntact() throws Exception {
    byte[] data = new byte[5 * 1024 * 1024 + 123];
    new Random(42).nextBytes(data);
    Path src = tmp.resolve("random.bin");
    Files.write(src, data);
    Path outDir = Files.createDirectory(tmp.resolve("out"));
    String url = "http://127.0.0.1:" + server.httpPort() + "/";

    Future<Run> receive =
        run(
            "peer",
            "receive",
            "--server",
            url,
            "--room",
            "files",
            "--out",
            outDir.toString(),
            "--ice-address",
            "127.0.0.1",
            "--wait",
            "30");
    // whoever joins second is the newcomer and offers: both orders work
    Future<Run> send =
        run(
            "peer",
            "send",
            src.toString(),
            "--server",
            url,
            "--room",
            "files",
            "--ice-address",
            "127.0.0.1",
            "--wait",
            "30");

    Run sent = send.get(60, TimeUnit.SECONDS);
    Run received = receive.get(60, TimeUnit.SECONDS);
    assertThat(sent.code()).as(sent.err()).isZero();
    assertThat(received.code()).as(received.err()).isZero();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    assertThat(sent.out()).contains(sha);
    assertThat(received.out()).contains(sha);
    assertThat(sent.err()).contains("100.0%").contains("MB/s");
    // on loopback the two peers reach each other directly
    assertThat(sent.err()).contains(" via host -> ");
    assertThat(received.err()).contains(" via host -> ");
    List<Path> files;
    try (Stream<Path> s = Files.list(outDir)) {
      files = s.toList();
    }
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).isEqualTo("random.bin");
    assertThat(Files.readAllBytes(files.get(0))).isEqualTo(data);
  }

  @Test
  void peerHelpListsTheCommands() {
    StringWriter out = new StringWriter();
    int code =
        Main.execute(
            new String[] {"peer", "--help"},
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));
    assertThat(code).isZero();
    assertThat(out.toString()).contains("echo", "echo-server", "send", "receive");
  }
}
