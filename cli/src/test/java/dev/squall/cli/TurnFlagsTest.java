package dev.squall.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.server.ServerConfig;
import dev.squall.server.TurnSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How the TURN flags of {@code squall serve} become the server's {@link TurnSettings}. */
class TurnFlagsTest {

  static ServerConfig parse(String... args) {
    ServeCommand cmd = new ServeCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.toConfig();
  }

  @Test
  void defaultsAreOnStrictWithAGeneratedSecret() {
    TurnSettings t = parse().turn();
    assertThat(t.enabled()).isTrue();
    assertThat(t.secret()).as("generated at start").isNull();
    assertThat(t.allowLoopbackPeers()).isFalse();
    assertThat(t.allowPrivatePeers()).isFalse();
    assertThat(t.tlsPort()).isEqualTo(5349);
    assertThat(t.minRelayPort()).isEqualTo(49152);
    assertThat(t.maxRelayPort()).isEqualTo(65535);
    assertThat(t.credentialTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(t.maxAllocationsPerUser()).isEqualTo(10);
    assertThat(t.maxAllocations()).isEqualTo(10_000);
    assertThat(t.realm()).isEqualTo("squall");
    assertThat(t.relayToRelay()).isTrue();
    assertThat(t.bandwidth()).as("10 Mbit/s").isEqualTo(1_250_000);
    assertThat(parse().turnEnabled()).isTrue();
  }

  @Test
  void noTurnTurnsItOff() {
    assertThat(parse("--no-turn").turn().enabled()).isFalse();
    assertThat(parse("--no-turn").turnEnabled()).isFalse();
    assertThat(parse("--turn").turn().enabled()).isTrue();
    assertThat(parse("--stun-port", "-1").turnEnabled()).as("TURN needs the STUN port").isFalse();
  }

  @Test
  void everyFlagReachesTheSettings() {
    TurnSettings t =
        parse(
                "--turn-realm",
                "example.org",
                "--turn-secret",
                "s3cret",
                "--turn-user",
                "alice:wonder:land",
                "--turn-user",
                "bob:builder",
                "--turn-relay-ip",
                "192.0.2.10",
                "--turn-port-range",
                "50000-50100",
                "--turn-tls-port",
                "0",
                "--turn-allow-loopback-peers",
                "--turn-allow-private-peers",
                "--turn-allowed-peer",
                "10.1.0.0/16,10.2.0.0/16",
                "--turn-denied-peer",
                "10.1.2.0/24",
                "--no-turn-relay-to-relay",
                "--turn-max-allocations-per-user",
                "3",
                "--turn-max-allocations",
                "500",
                "--turn-max-lifetime",
                "2h",
                "--turn-bandwidth",
                "20mbit",
                "--turn-credential-ttl",
                "15m")
            .turn();
    assertThat(t.realm()).isEqualTo("example.org");
    assertThat(t.secret()).isEqualTo("s3cret");
    assertThat(t.users()).isEqualTo(Map.of("alice", "wonder:land", "bob", "builder"));
    assertThat(t.relayAddress()).isEqualTo("192.0.2.10");
    assertThat(t.minRelayPort()).isEqualTo(50000);
    assertThat(t.maxRelayPort()).isEqualTo(50100);
    assertThat(t.tlsPort()).isZero();
    assertThat(t.allowLoopbackPeers()).isTrue();
    assertThat(t.allowPrivatePeers()).isTrue();
    assertThat(t.allowedPeers()).isEqualTo(List.of("10.1.0.0/16", "10.2.0.0/16"));
    assertThat(t.deniedPeers()).isEqualTo(List.of("10.1.2.0/24"));
    assertThat(t.relayToRelay()).isFalse();
    assertThat(t.maxAllocationsPerUser()).isEqualTo(3);
    assertThat(t.maxAllocations()).isEqualTo(500);
    assertThat(t.maxLifetime()).isEqualTo(Duration.ofHours(2));
    assertThat(t.bandwidth()).isEqualTo(2_500_000);
    assertThat(t.credentialTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(t.toString()).doesNotContain("s3cret").doesNotContain("wonder");
  }

  @Test
  void bandwidthUnits() {
    BandwidthConverter c = new BandwidthConverter();
    assertThat(c.convert("0")).isZero();
    assertThat(c.convert("125000")).isEqualTo(125_000);
    assertThat(c.convert("500kbit")).isEqualTo(62_500);
    assertThat(c.convert("10Mbit/s")).isEqualTo(1_250_000);
    assertThat(c.convert("1gbit")).isEqualTo(125_000_000);
    assertThat(c.convert("2MB")).isEqualTo(2_000_000);
    assertThat(c.convert("3kb")).isEqualTo(3000);
  }
}
