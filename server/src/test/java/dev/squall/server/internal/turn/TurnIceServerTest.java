package dev.squall.server.internal.turn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.signal.IceServer;
import dev.squall.turn.TurnRestCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TurnIceServerTest {

  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  final TurnRestCredentials rest = new TurnRestCredentials("secret");
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void urlsForUdpTcpAndTlsWithACredentialValidForTheTtl() {
    TurnIceServer turn = new TurnIceServer(rest, 3478, 5349, Duration.ofHours(2), clock);
    IceServer s = turn.forHost("turn.example.org");
    assertThat(s.urls())
        .containsExactly(
            "turn:turn.example.org:3478?transport=udp",
            "turn:turn.example.org:3478?transport=tcp",
            "turns:turn.example.org:5349?transport=tcp");
    assertThat(TurnRestCredentials.expiryOf(s.username())).contains(NOW.plus(Duration.ofHours(2)));
    assertThat(rest.isValid(s.username(), s.credential(), NOW)).isTrue();
    assertThat(rest.isValid(s.username(), s.credential(), NOW.plus(Duration.ofHours(2)))).isFalse();
  }

  @Test
  void noTurnsUrlWithoutTlsAndAFreshUserEveryTime() {
    TurnIceServer turn = new TurnIceServer(rest, 3478, -1, Duration.ofMinutes(5), clock);
    IceServer a = turn.forHost("[2001:db8::1]");
    IceServer b = turn.forHost("[2001:db8::1]");
    assertThat(a.urls())
        .containsExactly(
            "turn:[2001:db8::1]:3478?transport=udp", "turn:[2001:db8::1]:3478?transport=tcp");
    assertThat(a.username()).isNotEqualTo(b.username()).matches("\\d+:[A-Za-z0-9_-]{12}");
  }
}
