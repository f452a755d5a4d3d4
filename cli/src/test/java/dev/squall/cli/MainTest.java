package dev.squall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void serveHelpListsEveryOptionAndItsEnvironmentVariable() {
    Run r = run("serve", "--help");
    assertThat(r.code()).isZero();
    String[][] options = {
      {"--host", "SQUALL_HOST"},
      {"--port", "SQUALL_PORT"},
      {"--stun-port", "SQUALL_STUN_PORT"},
      {"--stun-host", "SQUALL_STUN_HOST"},
      {"--tls-cert", "SQUALL_TLS_CERT"},
      {"--tls-key", "SQUALL_TLS_KEY"},
      {"--tls-self-signed", "SQUALL_TLS_SELF_SIGNED"},
      {"--ice-server", "SQUALL_ICE_SERVERS"},
      {"--auth-secret", "SQUALL_AUTH_SECRET"},
      {"--max-room-size", "SQUALL_MAX_ROOM_SIZE"},
      {"--max-message-bytes", "SQUALL_MAX_MESSAGE_BYTES"},
      {"--rate-limit", "SQUALL_RATE_LIMIT"},
      {"--rate-burst", "SQUALL_RATE_BURST"},
      {"--max-connections", "SQUALL_MAX_CONNECTIONS"},
      {"--resume-grace", "SQUALL_RESUME_GRACE"},
      {"--resume-queue", "SQUALL_RESUME_QUEUE"},
      {"--web-root", "SQUALL_WEB_ROOT"},
      {"--[no-]turn", "SQUALL_TURN"},
      {"--turn-realm", "SQUALL_TURN_REALM"},
      {"--turn-secret", "SQUALL_TURN_SECRET"},
      {"--turn-user", "SQUALL_TURN_USERS"},
      {"--turn-relay-ip", "SQUALL_TURN_RELAY_IP"},
      {"--turn-port-range", "SQUALL_TURN_PORT_RANGE"},
      {"--turn-tls-port", "SQUALL_TURN_TLS_PORT"},
      {"--turn-allow-loopback-peers", "SQUALL_TURN_ALLOW_LOOPBACK_PEERS"},
      {"--turn-allow-private-peers", "SQUALL_TURN_ALLOW_PRIVATE_PEERS"},
      {"--turn-allowed-peer", "SQUALL_TURN_ALLOWED_PEERS"},
      {"--turn-denied-peer", "SQUALL_TURN_DENIED_PEERS"},
      {"--[no-]turn-relay-to-relay", "SQUALL_TURN_RELAY_TO_RELAY"},
      {"--turn-max-allocations-per-user", "SQUALL_TURN_MAX_ALLOCATIONS_PER_USER"},
      {"--turn-max-allocations", "SQUALL_TURN_MAX_ALLOCATIONS"},
      {"--turn-max-lifetime", "SQUALL_TURN_MAX_LIFETIME"},
      {"--turn-bandwidth", "SQUALL_TURN_BANDWIDTH"},
      {"--turn-credential-ttl", "SQUALL_TURN_CREDENTIAL_TTL"},
    };
    for (String[] o : options) {
      assertThat(r.out()).contains(o[0]).contains(o[1]);
    }
    String flat = r.out().replaceAll("\\s+", " ");
    assertThat(flat).contains("-1 = no STUN").contains("Default: 8080").contains("--help");
  }

  @Test
  void topLevelHelpAndVersion() {
    Run help = run("--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("squall").contains("serve").contains("--version");
    Run version = run("--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("squall ");
  }

  @Test
  void noCommandIsAUsageError() {
    Run r = run();
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("missing a command");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      value = {
        "--port 70000 # squall serve: --port (or SQUALL_PORT) must be between 0 and 65535, was 70000",
        "--port abc # squall serve: Invalid value for option '--port': 'abc' is not an int",
        "--stun-port -2 # squall serve: --stun-port (or SQUALL_STUN_PORT) must be between -1 and 65535, was -2",
        "--max-room-size 0 # squall serve: --max-room-size (or SQUALL_MAX_ROOM_SIZE) must be between 1 and 100000, was 0",
        "--max-message-bytes 10 # squall serve: --max-message-bytes (or SQUALL_MAX_MESSAGE_BYTES) must be between 1024 and 16777216, was 10",
        "--rate-limit 0 # squall serve: --rate-limit (or SQUALL_RATE_LIMIT) must be between 1 and 1000000, was 0",
        "--rate-burst -5 # squall serve: --rate-burst (or SQUALL_RATE_BURST) must be between 1 and 1000000, was -5",
        "--max-connections 0 # squall serve: --max-connections (or SQUALL_MAX_CONNECTIONS) must be between 1 and 10000000, was 0",
        "--resume-queue 0 # squall serve: --resume-queue (or SQUALL_RESUME_QUEUE) must be between 1 and 1000000, was 0",
        "--resume-grace 2d # squall serve: Invalid value for option '--resume-grace': '2d' is not a duration (examples: 500ms, 30s, 2m, 1h)",
        "--resume-grace 2h # squall serve: --resume-grace (or SQUALL_RESUME_GRACE) must be between 0s and 1h, was PT2H",
        "--ice-server http://x # squall serve: Invalid value for option '--ice-server' (URI): invalid ICE server 'http://x': expected stun:HOST[:PORT] or turn:USER:PASSWORD@HOST[:PORT][?transport=udp|tcp]",
        "--tls-cert c.pem # squall serve: --tls-cert and --tls-key go together: give both or neither",
        "--tls-self-signed --tls-cert c.pem --tls-key k.pem # squall serve: --tls-self-signed cannot be combined with --tls-cert/--tls-key",
        "--web-root /no/such/dir # squall serve: --web-root (or SQUALL_WEB_ROOT) /no/such/dir is not a directory",
        "--bogus # squall serve: Unknown option: '--bogus'",
        "--turn-port-range 1000-2000 # squall serve: --turn-port-range (or SQUALL_TURN_PORT_RANGE) must be MIN-MAX with 1024 <= MIN <= MAX <= 65535, was '1000-2000'",
        "--turn-port-range 60000-50000 # squall serve: --turn-port-range (or SQUALL_TURN_PORT_RANGE) must be MIN-MAX with 1024 <= MIN <= MAX <= 65535, was '60000-50000'",
        "--turn-tls-port 70000 # squall serve: --turn-tls-port (or SQUALL_TURN_TLS_PORT) must be between -1 and 65535, was 70000",
        "--turn-user alice # squall serve: --turn-user (or SQUALL_TURN_USERS) must be USER:PASSWORD, both non-empty, was 'alice'",
        "--turn-user :pw # squall serve: --turn-user (or SQUALL_TURN_USERS) must be USER:PASSWORD, both non-empty, was ':pw'",
        "--turn-relay-ip relay.example.org # squall serve: --turn-relay-ip (or SQUALL_TURN_RELAY_IP) must be an IP address, was 'relay.example.org'",
        "--turn-allowed-peer 10.0.0.0/33 # squall serve: --turn-allowed-peer (or SQUALL_TURN_ALLOWED_PEERS) must be an IP address or CIDR range, was '10.0.0.0/33'",
        "--turn-denied-peer nowhere # squall serve: --turn-denied-peer (or SQUALL_TURN_DENIED_PEERS) must be an IP address or CIDR range, was 'nowhere'",
        "--turn-max-allocations 0 # squall serve: --turn-max-allocations (or SQUALL_TURN_MAX_ALLOCATIONS) must be between 1 and 1000000, was 0",
        "--turn-max-allocations-per-user 0 # squall serve: --turn-max-allocations-per-user (or SQUALL_TURN_MAX_ALLOCATIONS_PER_USER) must be between 1 and 1000000, was 0",
        "--turn-max-lifetime 5m # squall serve: --turn-max-lifetime (or SQUALL_TURN_MAX_LIFETIME) must be between 10m and 24h, was PT5M",
        "--turn-credential-ttl 30s # squall serve: --turn-credential-ttl (or SQUALL_TURN_CREDENTIAL_TTL) must be between 1m and 168h, was PT30S",
        "--turn-bandwidth fast # squall serve: Invalid value for option '--turn-bandwidth': 'fast' is not a rate (examples: 0, 125000, 10mbit, 500kbit, 2mb)",
      })
  void badValuesExitWithOneClearLine(String args, String message) {
    String[] argv = ("serve " + args.trim()).split(" +");
    Run r = run(argv);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).first().isEqualTo(message);
    assertThat(r.err()).contains("Try 'squall serve --help' for more information.");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void busyPortExitsNonZeroWithTheMessage() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      Run r = run("serve", "--port", String.valueOf(port), "--stun-port", "-1");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err().strip())
          .isEqualTo(
              "squall serve: port "
                  + port
                  + " on 127.0.0.1 is already in use; pick another with --port or SQUALL_PORT");
    }
  }

  @Test
  void busyStunPortNamesTheStunFlag() throws Exception {
    try (DatagramSocket busy = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
      int port = busy.getLocalPort();
      Run r = run("serve", "--port", "0", "--stun-port", String.valueOf(port));
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err().strip())
          .isEqualTo(
              "squall serve: port "
                  + port
                  + " on 127.0.0.1 is already in use; pick another with --stun-port or"
                  + " SQUALL_STUN_PORT");
    }
  }

  @Test
  void unreadableCertificateExitsNonZeroWithTheMessage(@TempDir Path tmp) throws Exception {
    Path cert = tmp.resolve("nope.pem");
    Path key = Files.writeString(tmp.resolve("key.pem"), "not a key");
    Run r =
        run(
            "serve",
            "--port",
            "0",
            "--stun-port",
            "-1",
            "--tls-cert",
            cert.toString(),
            "--tls-key",
            key.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "squall serve: TLS certificate file " + cert + " does not exist or is not readable");
  }
}
