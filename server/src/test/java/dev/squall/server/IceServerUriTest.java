package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IceServerUriTest {

  @Test
  void parsesStun() {
    assertThat(IceServerUri.parse("stun:stun.example.org:3478"))
        .isEqualTo(new IceServerUri("stun:stun.example.org:3478", null, null));
    assertThat(IceServerUri.parse("STUN:[::1]").url()).isEqualTo("stun:[::1]");
  }

  @Test
  void splitsTurnCredentials() {
    IceServerUri turn =
        IceServerUri.parse("turn:alice:s%40cret@turn.example.org:3478?transport=tcp");
    assertThat(turn.url()).isEqualTo("turn:turn.example.org:3478?transport=tcp");
    assertThat(turn.username()).isEqualTo("alice");
    assertThat(turn.credential()).isEqualTo("s@cret");
    assertThat(turn.toString()).doesNotContain("cret");
  }

  @Test
  void defaultStunBracketsIpv6() {
    assertThat(IceServerUri.stun("::1", 3478).url()).isEqualTo("stun:[::1]:3478");
    assertThat(IceServerUri.stun("example.org", 3478).url()).isEqualTo("stun:example.org:3478");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "http://x",
        "stun:",
        "stun:host:99999",
        "stun:u:p@host",
        "stun:host?transport=tcp",
        "turn:host:1?transport=sctp",
        "turn:host name"
      })
  void rejectsMalformed(String text) {
    assertThatThrownBy(() -> IceServerUri.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid ICE server");
  }
}
