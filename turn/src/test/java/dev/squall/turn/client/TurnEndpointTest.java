package dev.squall.turn.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** TURN URLs (RFC 7065 §3.1) with their default ports and transports. */
class TurnEndpointTest {

  @Test
  void parsesTurnAndTurnsUrls() {
    TurnEndpoint udp = TurnEndpoint.parse("turn:192.0.2.1", "u", "s3cret");
    assertThat(udp.address()).isEqualTo(new InetSocketAddress("192.0.2.1", 3478));
    assertThat(udp.transport()).isEqualTo(TurnTransport.UDP);
    assertThat(TurnEndpoint.parse("TURN:192.0.2.1:5000?transport=tcp", "u", "p"))
        .extracting(TurnEndpoint::transport, e -> e.address().getPort())
        .containsExactly(TurnTransport.TCP, 5000);
    TurnEndpoint tls = TurnEndpoint.parse("turns:[2001:db8::1]?transport=tcp", "u", "p");
    assertThat(tls.transport()).isEqualTo(TurnTransport.TLS);
    assertThat(tls.address()).isEqualTo(new InetSocketAddress("2001:db8::1", 5349));
    assertThat(tls.serverName()).isEqualTo("2001:db8::1");
    assertThat(tls.toString()).isEqualTo("turns:[2001:db8:0:0:0:0:0:1]:5349?transport=tcp");
    assertThat(udp.toString())
        .doesNotContain("s3cret")
        .isEqualTo("turn:192.0.2.1:3478?transport=udp");
  }

  @Test
  void refusesWhatIsNotATurnUrl() {
    assertThatThrownBy(() -> TurnEndpoint.parse("stun:192.0.2.1", "u", "p"))
        .hasMessageContaining("not a turn:");
    assertThatThrownBy(() -> TurnEndpoint.parse("turn:192.0.2.1?transport=sctp", "u", "p"))
        .hasMessageContaining("unsupported transport 'sctp'");
    assertThatThrownBy(() -> TurnEndpoint.parse("turns:192.0.2.1?transport=udp", "u", "p"))
        .hasMessageContaining("unsupported transport");
    assertThatThrownBy(() -> TurnEndpoint.parse("turn:192.0.2.1:99999", "u", "p"))
        .hasMessageContaining("port out of range");
    assertThatThrownBy(() -> TurnEndpoint.parse("turn:", "u", "p")).hasMessageContaining("no host");
  }
}
