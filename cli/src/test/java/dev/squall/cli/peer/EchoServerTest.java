package dev.squall.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.squall.datachannel.DataChannel;
import dev.squall.peer.CompleteDescriptions;
import dev.squall.peer.Description;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.UdpPeerConnections;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code squall peer echo-server}'s endpoint on loopback, driven by a Java peer. */
class EchoServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
  private final EventLoopGroup clientGroup =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final HttpClient http = HttpClient.newHttpClient();
  private PeerRuntime runtime;
  private EchoServer server;
  private URI offerUri;

  @BeforeEach
  void start() throws Exception {
    runtime = new PeerRuntime(loopback);
    server = new EchoServer(runtime);
    int port = server.start("127.0.0.1", 0);
    offerUri = URI.create("http://127.0.0.1:" + port + "/offer");
  }

  @AfterEach
  void stop() {
    server.close();
    runtime.close();
    clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private HttpResponse<String> post(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(offerUri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersANonTrickleOfferAndEchoesText() throws Exception {
    try (PeerConnection pc =
        UdpPeerConnections.create(clientGroup.next(), PeerConfiguration.defaults(), loopback)
            .get(10, TimeUnit.SECONDS)) {
      DataChannel ch = pc.createDataChannel("echo");
      LinkedBlockingQueue<String> echoed = new LinkedBlockingQueue<>();
      ch.onMessage(m -> echoed.add(m.asText()));
      ch.onOpen(() -> ch.send("hello, echo"));
      Description offer = pc.createOffer().get(10, TimeUnit.SECONDS);
      String offerSdp = CompleteDescriptions.setLocalAndGather(pc, offer).get(10, TimeUnit.SECONDS);
      assertThat(offerSdp).contains("a=candidate:").contains("a=end-of-candidates");

      HttpResponse<String> res =
          post(JSON.createObjectNode().put("type", "offer").put("sdp", offerSdp).toString());

      assertThat(res.statusCode()).isEqualTo(200);
      JsonNode answer = JSON.readTree(res.body());
      assertThat(answer.path("type").asText()).isEqualTo("answer");
      String sdp = answer.path("sdp").asText();
      assertThat(sdp).contains("a=candidate:").contains("127.0.0.1");
      pc.setRemoteDescription(Description.answer(sdp)).get(10, TimeUnit.SECONDS);
      assertThat(echoed.poll(10, TimeUnit.SECONDS)).isEqualTo("hello, echo");
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void badRequestsGet400WithAJsonError() throws Exception {
    for (String body :
        List.of(
            "not json",
            "[]",
            "{\"type\":\"answer\",\"sdp\":\"v=0\"}",
            "{\"type\":\"offer\"}",
            "{\"type\":\"offer\",\"sdp\":\"garbage\"}")) {
      HttpResponse<String> res = post(body);
      assertThat(res.statusCode()).as(body).isEqualTo(400);
      assertThat(JSON.readTree(res.body()).path("error").asText()).as(body).isNotBlank();
    }
    assertThat(server.connections()).isZero();
  }
}
