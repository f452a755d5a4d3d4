package dev.squall.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.squall.datachannel.DataChannel;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.RoomPeers;
import dev.squall.peer.UdpPeerConnections;
import dev.squall.server.ServerConfig;
import dev.squall.server.SquallServer;
import dev.squall.signal.client.SignalingClient;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code squall peer echo}'s room peer, with a Java client joining after it. */
class RoomEchoTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
  private final EventLoopGroup clientGroup =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private SquallServer server;
  private PeerRuntime runtime;
  private String url;

  @BeforeEach
  void start() {
    server =
        new SquallServer(ServerConfig.builder().host("127.0.0.1").httpPort(0).stunPort(-1).build());
    server.start();
    runtime = new PeerRuntime(loopback);
    url = "http://127.0.0.1:" + server.httpPort() + "/";
  }

  @AfterEach
  void stop() {
    runtime.close();
    clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    server.close();
  }

  @Test
  void echoesMessagesAndAnswersChatInTheAppFormat() throws Exception {
    try (SignalingClient echoClient = runtime.signaling(url).get(10, TimeUnit.SECONDS);
        RoomEcho echo =
            RoomEcho.start(
                    runtime,
                    echoClient,
                    "echo-room",
                    "Echo",
                    null,
                    new PrintWriter(new StringWriter(), true))
                .get(10, TimeUnit.SECONDS)) {
      // two members, one after the other: each gets its own connection to the echo peer
      try (Member ada = new Member("Ada");
          Member bob = new Member("Bob")) {
        ada.expectEchoes();
        bob.expectEchoes();
        // Bob also reached Ada (he offered to every member), and the echo peer has both
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(10))
            .until(() -> echo.connections() == 2 && bob.mesh.connections().size() == 2);
      }
    }
  }

  /**
   * A Java member with a mesh of its own: it offers to everyone already in the room and opens a
   * plain and a chat channel on its connection to the echo peer.
   */
  private final class Member implements AutoCloseable {
    final String name;
    final SignalingClient client;
    final LinkedBlockingQueue<String> plainIn = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<String> chatIn = new LinkedBlockingQueue<>();
    final RoomPeers mesh;

    Member(String name) throws Exception {
      this.name = name;
      client = SignalingClient.connect(PeerRuntime.signalingUri(url)).get(10, TimeUnit.SECONDS);
      RoomPeers.Handler handler =
          (peer, pc, offerer) -> {
            if (offerer && peer.name().equals("Echo")) {
              openChannels(pc);
            }
          };
      mesh =
          RoomPeers.join(
                  client,
                  "echo-room",
                  name,
                  null,
                  () ->
                      UdpPeerConnections.create(
                          clientGroup.next(), PeerConfiguration.defaults(), loopback),
                  handler)
              .get(10, TimeUnit.SECONDS);
    }

    private void openChannels(PeerConnection pc) {
      DataChannel plain = pc.createDataChannel("test");
      DataChannel chat = pc.createDataChannel("squall-chat");
      plain.onMessage(m -> plainIn.add(m.asText()));
      chat.onMessage(m -> chatIn.add(m.asText()));
      plain.onOpen(() -> plain.send("ping from " + name));
      chat.onOpen(
          () ->
              chat.send(
                  "{\"type\":\"chat\",\"text\":\" Hi " + name + " \",\"name\":\"x\",\"ts\":1}"));
    }

    void expectEchoes() throws Exception {
      assertThat(plainIn.poll(10, TimeUnit.SECONDS)).isEqualTo("ping from " + name);
      JsonNode media = JSON.readTree(chatIn.poll(10, TimeUnit.SECONDS));
      assertThat(media.path("type").asText()).isEqualTo("media");
      assertThat(media.path("video").asBoolean(true)).isFalse();
      JsonNode reply = JSON.readTree(chatIn.poll(10, TimeUnit.SECONDS));
      assertThat(reply.path("type").asText()).isEqualTo("chat");
      assertThat(reply.path("text").asText()).isEqualTo("echo: Hi " + name);
      assertThat(reply.path("name").asText()).isEqualTo("Echo");
      assertThat(reply.path("ts").isNumber()).isTrue();
    }

    @Override
    public void close() {
      mesh.close();
      client.close();
    }
  }
}
