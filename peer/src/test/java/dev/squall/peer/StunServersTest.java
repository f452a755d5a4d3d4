package dev.squall.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.signal.IceServer;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code stun:} URLs of a room's {@code iceServers}, IP literals only (no DNS here). */
class StunServersTest {

  @Test
  void parsesStunUrlsWithAndWithoutPort() {
    assertThat(StunServers.parse("stun:192.0.2.1:19302"))
        .contains(new StunServers.Target("192.0.2.1", 19302));
    assertThat(StunServers.parse("STUN:192.0.2.1"))
        .contains(new StunServers.Target("192.0.2.1", 3478));
    assertThat(StunServers.parse("stun:[2001:db8::1]:5000"))
        .contains(new StunServers.Target("2001:db8::1", 5000));
    assertThat(StunServers.parse("stun:[2001:db8::1]"))
        .contains(new StunServers.Target("2001:db8::1", 3478));
    assertThat(StunServers.parse("stun:stun.example.org?transport=udp"))
        .contains(new StunServers.Target("stun.example.org", 3478));
  }

  @Test
  void rejectsOtherSchemesAndMalformedUrls() {
    for (String url :
        List.of(
            "turn:192.0.2.1:3478",
            "turns:192.0.2.1:5349?transport=tcp",
            "stuns:192.0.2.1",
            "stun:",
            "stun:192.0.2.1:0",
            "stun:192.0.2.1:70000",
            "stun:192.0.2.1:x",
            "stun:2001:db8::1",
            "stun:[2001:db8::1",
            "stun://192.0.2.1",
            "192.0.2.1:3478")) {
      assertThat(StunServers.parse(url)).as(url).isEmpty();
    }
  }

  @Test
  void resolvesStunServersSkipsTurnAndDropsDuplicates() {
    List<IceServer> servers =
        List.of(
            IceServer.of("stun:127.0.0.1:3478", "stun:[::1]:3479"),
            new IceServer(List.of("turn:127.0.0.1:3478"), "user", "secret"),
            IceServer.of("stun:127.0.0.1"));
    assertThat(StunServers.resolve(servers))
        .containsExactly(
            new InetSocketAddress("127.0.0.1", 3478), new InetSocketAddress("::1", 3479));
  }
}
