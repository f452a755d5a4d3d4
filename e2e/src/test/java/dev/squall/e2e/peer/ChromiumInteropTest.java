package dev.squall.e2e.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelMessage;
import dev.squall.ice.IceConnectionState;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.PeerConnectionState;
import dev.squall.peer.SignalingPeer;
import dev.squall.signal.client.SignalingClient;
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

  private JavaPeerFixture fixture;
  private URI ws;
  private URI page;
  private SignalingClient client;
  private PeerConnection pc;

  @BeforeEach
  void start() throws Exception {
    fixture = JavaPeerFixture.start();
    ws = fixture.ws;
    page = fixture.page;
    client = fixture.client;
    pc = fixture.pc;
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
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
