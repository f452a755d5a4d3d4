package dev.squall.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.ice.IceConfig;
import dev.squall.ice.IceTransportPolicy;
import dev.squall.signal.IceServer;
import dev.squall.turn.client.TurnEndpoint;
import dev.squall.turn.client.TurnTransport;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A room's {@code joined.iceServers} become the ICE agent's STUN and TURN servers. */
class IceServersTest {

  private final List<IceServer> joined =
      List.of(
          IceServer.of("stun:127.0.0.1:3478"),
          new IceServer(
              List.of(
                  "turn:127.0.0.1:3478?transport=udp",
                  "turn:127.0.0.1:3478?transport=tcp",
                  "turns:127.0.0.1:5349?transport=tcp"),
              "1767225600:alice",
              "c2VjcmV0"),
          new IceServer(List.of("turn:127.0.0.1:3480"), null, null),
          new IceServer(List.of("turn:127.0.0.1:3481?transport=sctp"), "u", "p"));

  @Test
  void turnUrlsBecomeTurnServersWithTheEntrysCredential() {
    IceConfig ice = PeerConfiguration.defaults().withIceServers(joined).ice();
    assertThat(ice.stunServers()).containsExactly(new InetSocketAddress("127.0.0.1", 3478));
    assertThat(ice.turnServers())
        .extracting(TurnEndpoint::transport)
        .containsExactly(TurnTransport.UDP, TurnTransport.TCP, TurnTransport.TLS);
    TurnEndpoint udp = ice.turnServers().get(0);
    assertThat(udp.address()).isEqualTo(new InetSocketAddress("127.0.0.1", 3478));
    assertThat(udp.username()).isEqualTo("1767225600:alice");
    assertThat(udp.password()).isEqualTo("c2VjcmV0");
    assertThat(ice.turnServers().get(2).address().getPort()).isEqualTo(5349);
    assertThat(ice.turnServers().get(2).serverName()).isEqualTo("127.0.0.1");
    // without a credential, or with an unknown transport: skipped
    assertThat(ice.turnServers()).hasSize(3);
  }

  @Test
  void theRelayPolicyReachesTheIceConfig() {
    assertThat(PeerConfiguration.defaults().ice().transportPolicy())
        .isEqualTo(IceTransportPolicy.ALL);
    assertThat(
            PeerConfiguration.defaults()
                .withIceTransportPolicy(IceTransportPolicy.RELAY)
                .ice()
                .transportPolicy())
        .isEqualTo(IceTransportPolicy.RELAY);
  }
}
