package dev.squall.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.squall.datachannel.DataChannel;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.RoomPeers;
import dev.squall.peer.UdpPeerConnections;
import dev.squall.server.ServerConfig;
import dev.squall.server.SquallServer;
import dev.squall.signal.IceServer;
import dev.squall.signal.client.SignalingClient;
import dev.squall.signal.message.Joined;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code squall peer echo} gathers from the STUN server the room hands out in {@code joined}. On
 * loopback the server-reflexive address equals the host address, so the ICE agent drops that
 * candidate as redundant (RFC 8445 §5.1.3); what is asserted is that the echo peer's Binding
 * request reached the Squall server's STUN port and was answered (its {@code binding_success}
 * counter), while the other member, whose factory ignores the ICE servers, sends none.
 */
class RoomStunTest {

  private static final Pattern BINDING_SUCCESS =
      Pattern.compile(
          "^squall_stun_requests_total\\{outcome=\"binding_success\",transport=\"udp\"} (\\S+)$",
          Pattern.MULTILINE);

  private final List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
  private final EventLoopGroup clientGroup =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final HttpClient http = HttpClient.newHttpClient();
  private SquallServer server;
  private PeerRuntime runtime;
  private String url;

  @BeforeEach
  void start() {
    server =
        new SquallServer(ServerConfig.builder().host("127.0.0.1").httpPort(0).stunPort(0).build());
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

  private double bindingSuccesses() throws Exception {
    String body =
        http.send(
                HttpRequest.newBuilder(URI.create(url + "metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = BINDING_SUCCESS.matcher(body);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void theEchoPeerUsesTheRoomsStunServer() throws Exception {
    String stunUrl = "stun:127.0.0.1:" + server.stunUdpPort();
    try (SignalingClient probe =
        SignalingClient.connect(PeerRuntime.signalingUri(url)).get(10, TimeUnit.SECONDS)) {
      Joined joined = probe.join("other-room", "probe", null).get(10, TimeUnit.SECONDS);
      // the server's own STUN first, then its TURN relay (which the Java peer does not use yet)
      assertThat(joined.iceServers()).first().isEqualTo(IceServer.of(stunUrl));
    }
    try (SignalingClient echoClient = runtime.signaling(url).get(10, TimeUnit.SECONDS);
        RoomEcho echo =
            RoomEcho.start(
                    runtime,
                    echoClient,
                    "stun-room",
                    "Echo",
                    null,
                    new PrintWriter(new StringWriter(), true))
                .get(10, TimeUnit.SECONDS)) {
      assertThat(bindingSuccesses()).as("no connection, no gathering yet").isZero();
      try (SignalingClient memberClient =
          SignalingClient.connect(PeerRuntime.signalingUri(url)).get(10, TimeUnit.SECONDS)) {
        LinkedBlockingQueue<String> echoed = new LinkedBlockingQueue<>();
        RoomPeers.Handler handler =
            (peer, pc, offerer) -> {
              DataChannel ch = pc.createDataChannel("test");
              ch.onMessage(m -> echoed.add(m.asText()));
              ch.onOpen(() -> ch.send("ping"));
            };
        try (RoomPeers member =
            RoomPeers.join(
                    memberClient,
                    "stun-room",
                    "Member",
                    null,
                    () ->
                        UdpPeerConnections.create(
                            clientGroup.next(), PeerConfiguration.defaults(), loopback),
                    handler)
                .get(10, TimeUnit.SECONDS)) {
          assertThat(echoed.poll(10, TimeUnit.SECONDS)).isEqualTo("ping");
          assertThat(echo.connections()).isEqualTo(1);
          // one socket, one STUN server: one Binding transaction (a retransmission would add one)
          await()
              .atMost(Duration.ofSeconds(10))
              .untilAsserted(() -> assertThat(bindingSuccesses()).isBetween(1.0, 2.0));
        }
      }
    }
  }
}
