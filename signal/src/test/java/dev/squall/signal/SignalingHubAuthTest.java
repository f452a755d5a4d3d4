package dev.squall.signal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.signal.message.ErrorMessage;
import dev.squall.signal.message.Join;
import dev.squall.signal.message.Joined;
import dev.squall.util.VirtualScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignalingHubAuthTest {

  private static final String SECRET = "s3cret";
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final VirtualScheduler scheduler = new VirtualScheduler();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SignalingHub hub =
      new SignalingHub(
          SignalingConfig.defaults().withAuthSecret(SECRET),
          scheduler,
          registry,
          Clock.fixed(NOW, ZoneOffset.UTC));
  private final FakeConnection conn = new FakeConnection("c");

  SignalingHubAuthTest() {
    hub.connected(conn);
  }

  private void join(String room, String name, String token) {
    hub.received(conn, new Join(room, name, token));
    scheduler.runPending();
  }

  private void refused(String room, String name, String token) {
    join(room, name, token);
    ErrorMessage e = conn.error("unauthorized");
    assertThat(e.message()).startsWith("token refused");
  }

  @Test
  void validTokensAdmit() {
    join("demo", "Ada", AuthTokens.mint(SECRET, "demo", NOW.plusSeconds(60)));
    assertThat(conn.only(Joined.class).room()).isEqualTo("demo");
  }

  @Test
  void wildcardAndNameBoundTokensAdmit() {
    join("any", " Ada ", AuthTokens.mint(SECRET, "*", "Ada", NOW.plusSeconds(1)));
    assertThat(conn.only(Joined.class).name()).isEqualTo("Ada");
  }

  @Test
  void missingExpiredWrongRoomWrongNameAndBadSignatureAreRefused() {
    refused("demo", "Ada", null);
    refused("demo", "Ada", AuthTokens.mint(SECRET, "demo", NOW)); // exp == now: over
    refused("demo", "Ada", AuthTokens.mint(SECRET, "demo", NOW.minusSeconds(1)));
    refused("demo", "Ada", AuthTokens.mint(SECRET, "other", NOW.plusSeconds(60)));
    refused("demo", "Ada", AuthTokens.mint(SECRET, "demo", "Bob", NOW.plusSeconds(60)));
    refused("demo", "Ada", AuthTokens.mint("other-secret", "demo", NOW.plusSeconds(60)));
    refused("demo", "Ada", "garbage");
    String good = AuthTokens.mint(SECRET, "demo", NOW.plusSeconds(60));
    refused("demo", "Ada", good.substring(0, good.length() - 2) + "AA");
    assertThat(registry.get("squall.signal.errors").tag("code", "unauthorized").counter().count())
        .isEqualTo(8);
    assertThat(hub.roomCount()).isZero();
  }
}
