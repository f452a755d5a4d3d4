package dev.squall.e2e.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelMessage;
import dev.squall.ice.IceConnectionState;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.PeerConnectionState;
import dev.squall.peer.SignalingPeer;
import dev.squall.peer.UdpPeerConnections;
import dev.squall.server.ServerConfig;
import dev.squall.server.SquallServer;
import dev.squall.signal.client.SignalingClient;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java peer against headless Chromium through a real Squall server started in-process: ICE
 * (Chromium's host candidates on 127.0.0.1, its TCP candidates ignored) and DTLS, both ways round.
 * Chromium must report its ICE connection connected or completed and its DTLS transport ({@code
 * pc.sctp.transport}) connected. Then DataChannels over SCTP: Chromium's channel reaches the Java
 * side through {@code onDataChannel} and its text is echoed back; a channel opened by Java reaches
 * Chromium and binary messages go both ways.
 */
class ChromiumInteropTest {

  private SquallServer server;
  private URI ws;
  private URI page;
  private EventLoopGroup group;
  private SignalingClient client;
  private PeerConnection pc;

  @BeforeEach
  void start() throws Exception {
    server =
        new SquallServer(ServerConfig.builder().host("127.0.0.1").httpPort(0).stunPort(-1).build());
    int port = server.start().http();
    ws = URI.create("ws://127.0.0.1:" + port + "/ws");
    page = URI.create("http://127.0.0.1:" + port + "/");
    group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    pc =
        UdpPeerConnections.create(
                group.next(),
                PeerConfiguration.defaults(),
                List.of(InetAddress.getLoopbackAddress()))
            .get(10, TimeUnit.SECONDS);
    client = SignalingClient.connect(ws).get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    if (pc != null) {
      pc.close();
    }
    if (client != null) {
      client.close();
    }
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (server != null) {
      server.stop(Duration.ofSeconds(5));
    }
  }

  @Test
  void chromiumOffersAndJavaAnswers() throws Exception {
    LinkedBlockingQueue<DataChannel> incoming = new LinkedBlockingQueue<>();
    LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    pc.onDataChannel(
        ch -> {
          ch.onMessage(
              m -> {
                if (m.text()) {
                  texts.add(m.asText());
                  ch.send("echo: " + m.asText());
                }
              });
          incoming.add(ch);
        });
    SignalingPeer peer =
        SignalingPeer.join(client, "interop-1", "java", null, pc).get(10, TimeUnit.SECONDS);
    try (PeerBrowser browser = PeerBrowser.launch()) {
      browser.open(page.toString());
      browser.script(BrowserPeerScript.START, ws.toString(), "interop-1"); // the newcomer offers
      assertBothConnected(browser, peer);
      DataChannel channel = incoming.poll(20, TimeUnit.SECONDS);
      assertThat(channel).as("Chromium's channel announced").isNotNull();
      assertThat(channel.label()).isEqualTo("squall");
      assertThat(channel.ordered()).isTrue();
      assertThat(texts.poll(10, TimeUnit.SECONDS)).isEqualTo("ping from chromium");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(list(state(browser), "received"))
                      .containsExactly("echo: ping from chromium"));
    }
  }

  @Test
  void javaOpensAChannelTowardChromiumAndBinaryGoesBothWays() throws Exception {
    DataChannel channel = pc.createDataChannel("java-bin");
    LinkedBlockingQueue<DataChannelMessage> got = new LinkedBlockingQueue<>();
    channel.onMessage(got::add);
    channel.onOpen(() -> channel.send(new byte[] {1, 2, 3}));
    SignalingPeer peer =
        SignalingPeer.join(client, "interop-3", "java", null, pc).get(10, TimeUnit.SECONDS);
    try (PeerBrowser browser = PeerBrowser.launch()) {
      browser.open(page.toString());
      browser.script(BrowserPeerScript.START, ws.toString(), "interop-3");
      assertBothConnected(browser, peer);
      DataChannelMessage reply = got.poll(20, TimeUnit.SECONDS);
      assertThat(reply).as("Chromium's binary reply").isNotNull();
      assertThat(reply.text()).isFalse();
      assertThat(reply.data()).containsExactly(7, 8, 9);
      Map<String, Object> st = state(browser);
      assertThat(list(st, "remoteLabels")).contains("java-bin");
      assertThat(list(st, "received")).contains("bin:1,2,3");
    }
  }

  @Test
  void javaOffersAndChromiumAnswers() throws Exception {
    try (PeerBrowser browser = PeerBrowser.launch()) {
      browser.open(page.toString());
      browser.script(BrowserPeerScript.START, ws.toString(), "interop-2");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Boolean.TRUE.equals(state(browser).get("joined")));
      SignalingPeer peer =
          SignalingPeer.join(client, "interop-2", "java", null, pc).get(10, TimeUnit.SECONDS);
      assertBothConnected(browser, peer);
    }
  }

  private void assertBothConnected(PeerBrowser browser, SignalingPeer peer) throws Exception {
    pc.connected().get(20, TimeUnit.SECONDS);
    assertThat(peer.failure()).isNotDone();
    assertThat(pc.connectionState()).isEqualTo(PeerConnectionState.CONNECTED);
    assertThat(pc.iceConnectionState())
        .isIn(IceConnectionState.CONNECTED, IceConnectionState.COMPLETED);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Map<String, Object> st = state(browser);
              assertThat(st.get("error")).isNull();
              assertThat(st.get("ice")).isIn("connected", "completed");
              assertThat(st.get("dtls")).isEqualTo("connected");
            });
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> state, String key) {
    return (List<Object>) state.get(key);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> state(PeerBrowser browser) {
    return (Map<String, Object>) browser.script(BrowserPeerScript.STATE);
  }
}
