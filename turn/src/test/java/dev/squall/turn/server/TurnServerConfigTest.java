package dev.squall.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration's defaults and validation. */
class TurnServerConfigTest {

  private final TurnServerConfig defaults = TurnServerConfig.defaults(TurnHarness.RELAY);

  @Test
  void defaultsAreTheDocumentedSafeOnes() {
    assertThat(defaults.relayPortMin()).isEqualTo(49152);
    assertThat(defaults.relayPortMax()).isEqualTo(65535);
    assertThat(defaults.defaultLifetime()).isEqualTo(Duration.ofSeconds(600));
    assertThat(defaults.maxLifetime()).isEqualTo(Duration.ofSeconds(3600));
    assertThat(defaults.permissionLifetime()).isEqualTo(Duration.ofSeconds(300));
    assertThat(defaults.channelLifetime()).isEqualTo(Duration.ofSeconds(600));
    assertThat(defaults.maxAllocationsPerUser()).isEqualTo(10);
    assertThat(defaults.maxAllocationsTotal()).isEqualTo(10_000);
    assertThat(defaults.hasCredentials()).isFalse();
    assertThat(defaults.allowRelayToRelay()).isFalse();
    assertThat(defaults.peerPolicy().loopbackAllowed()).isFalse();
    assertThat(defaults.peerPolicy().privateAllowed()).isFalse();
    assertThat(TurnServerConfig.defaults(TurnHarness.RELAY).nonceSecret())
        .isNotEqualTo(defaults.nonceSecret());
  }

  @Test
  void defaultsPutTheRelayAddressInTheSlotOfItsFamily() {
    TurnServerConfig v6 = TurnServerConfig.defaults(TurnHarness.ip("2001:db8::1"));

    assertThat(v6.relayIpv4()).isNull();
    assertThat(v6.relayIpv6()).isEqualTo(TurnHarness.ip("2001:db8::1"));
    assertThat(defaults.relayIpv4()).isEqualTo(TurnHarness.RELAY);
    assertThat(defaults.relayIpv6()).isNull();
  }

  @Test
  void invalidValuesAreRefused() {
    assertThatThrownBy(() -> defaults.withRelayPorts(80, 90))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withRelayPorts(60000, 50000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                defaults.withLifetimes(
                    Duration.ofSeconds(60), Duration.ofSeconds(600), Duration.ofSeconds(3600)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withRelayAddresses(null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withRelayAddresses(TurnHarness.ip("0.0.0.0"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withRelayAddresses(TurnHarness.ip("2001:db8::1"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withMaxMessageSize(100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withAllocationLimits(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withBandwidth(1000, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withRealm("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toStringHidesPasswordsAndSecrets() {
    String s = defaults.withUsers(Map.of("alice", "hunter2")).toString();

    assertThat(s).doesNotContain("hunter2").doesNotContain(defaults.nonceSecret());
  }
}
