package dev.squall.e2e.nat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Java peers behind real NATs (iptables MASQUERADE with random ports, in network namespaces)
 * that have no path to each other: {@code squall peer send} in site B hands a file to {@code squall
 * peer receive} in site A, and the only way it can travel is through the TURN relay of the {@code
 * squall serve} running in the public namespace, whose credentials both peers get on joining. The
 * receiver runs relay-only ({@code --relay}), as a user hiding their address would.
 */
class RelayThroughNatTest {

  private static NatLab lab;

  @TempDir Path tmp;

  @BeforeAll
  static void build() throws Exception {
    lab = NatLab.create();
  }

  @AfterAll
  static void tearDown() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void aFileCrossesTwoNatsThroughTheServersTurnRelay() throws Exception {
    byte[] data = new byte[2 * 1024 * 1024 + 77];
    new Random(7).nextBytes(data);
    Path src = tmp.resolve("across.bin");
    Files.write(src, data);
    Path out = Files.createDirectory(tmp.resolve("out"));
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    String url = "http://" + NatLab.SERVER_IP + ":8080/";

    try (LabProcess server =
        LabProcess.squall(
            "server",
            lab.publicNamespace(),
            "serve",
            "--host",
            NatLab.SERVER_IP,
            "--port",
            "8080",
            "--stun-port",
            "3478")) {
      assertThat(server.awaitLine(l -> l.contains("Stop with Ctrl-C"), 60))
          .as("server started: %s", server.output())
          .isTrue();
      try (LabProcess receive =
              LabProcess.squall(
                  "receive",
                  lab.hostA(),
                  "peer",
                  "receive",
                  "--server",
                  url,
                  "--room",
                  "nat",
                  "--out",
                  out.toString(),
                  "--relay",
                  "--wait",
                  "60");
          LabProcess send =
              LabProcess.squall(
                  "send",
                  lab.hostB(),
                  "peer",
                  "send",
                  src.toString(),
                  "--server",
                  url,
                  "--room",
                  "nat",
                  "--wait",
                  "60")) {
        assertThat(send.awaitExit(90)).as("send: %s", send.output()).isZero();
        assertThat(receive.awaitExit(30)).as("receive: %s", receive.output()).isZero();
        assertThat(String.join("\n", receive.output())).contains(sha);
        // the only path between the sites is the relay: each side's selected pair says so
        assertThat(send.output())
            .anyMatch(l -> l.startsWith("Connected to ") && l.contains("relay"));
        assertThat(receive.output())
            .anyMatch(l -> l.startsWith("Connected to ") && l.contains(" via relay -> "));
      }
    }
    assertThat(Files.readAllBytes(out.resolve("across.bin"))).isEqualTo(data);
  }
}
