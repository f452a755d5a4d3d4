package dev.squall.bench.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RelayProtocolTest {
  private final ObjectMapper json = new ObjectMapper();

  @Property
  void timestampsSurviveBothPayloadKinds(@ForAll long nanos, @ForAll boolean offer) {
    String squall = new SquallProtocol().relay("p1", offer, nanos, 3);
    String peerjs = new PeerJsProtocol().relay("c1", offer, nanos, 3);
    assertThat(RelayProtocol.timestampOf(squall)).isEqualTo(nanos == Long.MIN_VALUE ? -1 : nanos);
    assertThat(RelayProtocol.timestampOf(peerjs)).isEqualTo(nanos == Long.MIN_VALUE ? -1 : nanos);
  }

  @Test
  void squallMessagesFollowTheSignalingContract() throws Exception {
    JsonNode candidate = json.readTree(new SquallProtocol().relay("p9", false, 42, 1));
    assertThat(candidate.path("type").asText()).isEqualTo("candidate");
    assertThat(candidate.path("to").asText()).isEqualTo("p9");
    assertThat(candidate.path("candidate").path("candidate").asText())
        .startsWith("candidate:42 1 udp");
    assertThat(candidate.path("candidate").path("sdpMLineIndex").asInt()).isZero();
    JsonNode offer = json.readTree(new SquallProtocol().relay("p9", true, 42, 0));
    assertThat(offer.path("sdp").asText()).startsWith("v=0\r\no=- 42 2 IN IP4");
    JsonNode join = json.readTree(new SquallProtocol().hello(5, 1));
    assertThat(join.path("type").asText()).isEqualTo("join");
    assertThat(join.path("room").asText()).matches("^[A-Za-z0-9_-]{1,64}$");
  }

  @Test
  void peerJsMessagesCarryDstAndPayload() throws Exception {
    JsonNode offer = json.readTree(new PeerJsProtocol().relay("c7", true, 42, 0));
    assertThat(offer.path("type").asText()).isEqualTo("OFFER");
    assertThat(offer.path("dst").asText()).isEqualTo("c7");
    assertThat(offer.path("payload").path("sdp").path("sdp").asText()).contains("o=- 42 ");
    assertThat(new PeerJsProtocol().uri("127.0.0.1", 9000, 3).toString())
        .isEqualTo("ws://127.0.0.1:9000/peerjs?key=peerjs&id=c3&token=t3");
  }

  @Test
  void classifiesServerMessages() {
    SquallProtocol squall = new SquallProtocol();
    assertThat(squall.classify("{\"type\":\"joined\",\"id\":\"p1\"}"))
        .isEqualTo(RelayProtocol.Kind.READY);
    assertThat(squall.classify("{\"from\":\"p2\",\"type\":\"candidate\",\"candidate\":null}"))
        .isEqualTo(RelayProtocol.Kind.RELAYED);
    assertThat(squall.classify("{\"type\":\"error\",\"code\":\"rate-limited\"}"))
        .isEqualTo(RelayProtocol.Kind.ERROR);
    assertThat(squall.classify("{\"type\":\"peer-joined\"}")).isEqualTo(RelayProtocol.Kind.OTHER);
    assertThat(squall.idFrom("{\"type\":\"joined\",\"id\":\"p1\"}", 0)).isEqualTo("p1");
    PeerJsProtocol peerjs = new PeerJsProtocol();
    assertThat(peerjs.classify("{\"type\":\"OPEN\"}")).isEqualTo(RelayProtocol.Kind.READY);
    assertThat(peerjs.classify("{\"type\":\"EXPIRE\",\"src\":\"c1\"}"))
        .isEqualTo(RelayProtocol.Kind.ERROR);
    assertThat(RelayProtocol.typeOf("{}")).isEmpty();
    assertThat(RelayProtocol.timestampOf("{\"type\":\"candidate\"}")).isEqualTo(-1);
  }
}
