package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real STUN clients against the running server: coturn's {@code turnutils_stunclient} and the
 * classic {@code stun} client (Debian packages {@code coturn} and {@code stun-client}). Missing
 * binaries fail the test with the install command.
 */
class StunInteropTest {

  static SquallServer server;
  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    server = new SquallServer(TestServers.config().stunPort(0).build());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void coturnStunClient() throws Exception {
    ExternalTool.requireInstalled("turnutils_stunclient", "coturn");
    ExternalTool.Result r =
        ExternalTool.run(
            tmp,
            List.of(
                "turnutils_stunclient", "-p", String.valueOf(server.stunUdpPort()), "127.0.0.1"));
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("UDP reflexive addr: 127.0.0.1:");
  }

  /**
   * {@code stun HOST:PORT 1 -v} runs RFC 3489 test I once: a Binding request without the magic
   * cookie carrying CHANGE-REQUEST 0. It prints the local port it opened and the MAPPED-ADDRESS it
   * got back, and exits 0 on an answer. (Without a test number the client runs the full RFC 3489
   * NAT discovery, whose exit status is a NAT type code, not success/failure.)
   */
  @Test
  void classicStunClient() throws Exception {
    ExternalTool.requireInstalled("stun", "stun-client");
    ExternalTool.Result r =
        ExternalTool.run(tmp, List.of("stun", "127.0.0.1:" + server.stunUdpPort(), "1", "-v"));
    Matcher opened = Pattern.compile("Opened port (\\d+)").matcher(r.output());
    assertThat(opened.find()).as(r.output()).isTrue();
    assertThat(r.output())
        .as("the classic client speaks RFC 3489 (no magic cookie); the server must answer it")
        .contains("MappedAddress = 127.0.0.1:" + opened.group(1));
    assertThat(r.exitCode()).as(r.output()).isZero();
  }
}
