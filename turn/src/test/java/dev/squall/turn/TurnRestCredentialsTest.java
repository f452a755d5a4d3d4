package dev.squall.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The TURN REST API credential convention, as coturn's use-auth-secret checks it. */
class TurnRestCredentialsTest {

  private final TurnRestCredentials rest = new TurnRestCredentials("north-secret");

  @Test
  void passwordIsBase64HmacSha1OfTheUsername() {
    // computed independently: base64(HMAC-SHA1("north-secret", "1700000000:alice"))
    assertThat(rest.passwordFor("1700000000:alice")).isEqualTo("g+jb180fcj+xlpA/2mP60OdIgU0=");
  }

  @Test
  void mintedCredentialsCarryTheirExpiryAndVerifyUntilThen() {
    Instant expiry = Instant.ofEpochSecond(1_700_000_000L);
    TurnRestCredentials.Credential c = rest.mint("alice", expiry);

    assertThat(c.username()).isEqualTo("1700000000:alice");
    assertThat(c.password()).isEqualTo("g+jb180fcj+xlpA/2mP60OdIgU0=");
    assertThat(TurnRestCredentials.expiryOf(c.username())).contains(expiry);
    assertThat(rest.isValid(c.username(), c.password(), expiry.minusSeconds(1))).isTrue();
    assertThat(rest.isValid(c.username(), c.password(), expiry)).isFalse();
  }

  @Test
  void wrongPasswordsSecretsAndMalformedUsernamesAreRefused() {
    Instant expiry = Instant.ofEpochSecond(2_000_000_000L);
    Instant now = Instant.ofEpochSecond(1_000_000_000L);
    TurnRestCredentials.Credential c = rest.mint("bob", expiry);

    assertThat(rest.isValid(c.username(), c.password() + "x", now)).isFalse();
    assertThat(new TurnRestCredentials("other").isValid(c.username(), c.password(), now)).isFalse();
    assertThat(rest.isValid("bob", rest.passwordFor("bob"), now)).isFalse();
    assertThat(rest.isValid("soon:bob", rest.passwordFor("soon:bob"), now)).isFalse();
    assertThat(TurnRestCredentials.expiryOf("")).isEmpty();
    assertThat(rest.isValid("2000000000", rest.passwordFor("2000000000"), now)).isTrue();
    assertThatThrownBy(() -> rest.mint("a:b", expiry)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TurnRestCredentials(""))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
