package dev.squall.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.stun.attribute.PasswordAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class StunCredentialsTest {

  @Test
  void preparationMapsWhatTheRfc5769VectorNeeds() {
    assertThat(StunCredentials.prepare("The\u00ADM\u00AAtr\u2168")).isEqualTo("TheMatrIX");
    assertThat(StunCredentials.prepare("a\u00A0b\u3000c")).isEqualTo("a b c");
    assertThat(StunCredentials.prepare("zero\u200Bwidth\uFEFF")).isEqualTo("zerowidth");
    assertThat(StunCredentials.prepare("plain-ASCII/123")).isEqualTo("plain-ASCII/123");
  }

  @Test
  void preparationRejectsControlAndPrivateUseCharacters() {
    assertThatThrownBy(() -> StunCredentials.prepare("a\u0007b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StunCredentials.prepare("\uE000"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StunCredentials.prepare("\uFFFF"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void longTermKeysAreDigestsOfUserRealmPassword() throws Exception {
    byte[] md5 =
        MessageDigest.getInstance("MD5").digest("user:realm:pass".getBytes(StandardCharsets.UTF_8));
    assertThat(StunCredentials.longTermKey("user", "realm", "pass")).isEqualTo(md5);
    byte[] sha =
        MessageDigest.getInstance("SHA-256")
            .digest("user:realm:pass".getBytes(StandardCharsets.UTF_8));
    assertThat(StunCredentials.longTermKey(PasswordAlgorithm.SHA256, "user", "realm", "pass"))
        .isEqualTo(sha);
    assertThatThrownBy(() -> StunCredentials.longTermKey(7, "u", "r", "p"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shortTermKeyIsThePasswordAndUserHashIs32Bytes() {
    assertThat(StunCredentials.shortTermKey("pw\u00e4"))
        .isEqualTo("pw\u00e4".getBytes(StandardCharsets.UTF_8));
    assertThat(StunCredentials.userHash("user", "realm")).hasSize(32);
  }
}
