package dev.squall.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.squall.datachannel.DataChannel;
import dev.squall.ice.CandidateType;
import dev.squall.ice.IceTransportPolicy;
import dev.squall.peer.CandidatePairStats;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.RoomPeers;
import dev.squall.peer.UdpPeerConnections;
import dev.squall.server.TurnSettings;
import dev.squall.signal.IceServer;
import dev.squall.signal.client.SignalingClient;
import dev.squall.signal.message.PeerInfo;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The Java peer and headless Chromium, both with {@code iceTransportPolicy} relay, connect through
 * Squall's own TURN server over UDP, and over TCP (each side keeps only the {@code ?transport=tcp}
 * URL, so the Java peer's allocation goes through its {@code NettyTurnConnector} and Chromium's
 * through its TCP TURN client): the Java side joins the room with {@link RoomPeers}, whose
 * connections take the TURN servers and freshly minted credentials of {@code joined.iceServers}
 * ({@link PeerConfiguration#withIceServers}); Chromium does the same in the page. A DataChannel
 * message goes each way, and both sides' selected candidate pair is relay to relay. The relay
 * addresses are on loopback, so this server allows loopback peers.
 */
class JavaChromiumRelayE2eTest {

  /**
   * Arguments: the WebSocket URL, the room, the TURN transport to keep. Joins and offers (the Java
   * peer is already there).
   */
  static final String START =
      """
      const [wsUrl, room, transport] = arguments;
      const st = (window.__relay = { error: null, received: [], candidates: [] });
      const ws = new WebSocket(wsUrl);
      const send = (m) => ws.send(JSON.stringify(m));
      let pc = null;
      let remote = null;
      let chain = Promise.resolve();
      const handle = async (m) => {
        if (m.type === 'joined') {
          remote = m.peers[0].id;
          const iceServers = m.iceServers
            .map((s) => ({ ...s, urls: s.urls.filter((u) => u.startsWith('turn:') && u.endsWith('transport=' + transport)) }))
            .filter((s) => s.urls.length > 0);
          pc = new RTCPeerConnection({ iceServers, iceTransportPolicy: 'relay' });
          st.pc = pc;
          pc.onicecandidate = (e) => {
            if (e.candidate) st.candidates.push(e.candidate.candidate);
            send({ type: 'candidate', to: remote, candidate: e.candidate ? e.candidate.toJSON() : null });
          };
          const ch = pc.createDataChannel('relay');
          ch.onopen = () => ch.send('ping from chromium');
          ch.onmessage = (e) => st.received.push(e.data);
          await pc.setLocalDescription(await pc.createOffer());
          send({ type: 'offer', to: remote, sdp: pc.localDescription.sdp });
        } else if (m.type === 'answer' && m.from === remote) {
          await pc.setRemoteDescription({ type: 'answer', sdp: m.sdp });
        } else if (m.type === 'candidate' && m.from === remote) {
          await (m.candidate ? pc.addIceCandidate(m.candidate) : pc.addIceCandidate());
        } else if (m.type === 'error') {
          st.error = m.code + ': ' + m.message;
        }
      };
      ws.onopen = () => send({ type: 'join', room, name: 'chromium' });
      ws.onerror = () => (st.error = 'websocket error');
      ws.onmessage = (ev) => {
        const m = JSON.parse(ev.data);
        chain = chain.then(() => handle(m)).catch((e) => (st.error = String(e)));
      };
      """;

  /** Async: what the page saw, with the selected pair's candidate types from getStats. */
  static final String STATE =
      """
      const done = arguments[arguments.length - 1];
      const st = window.__relay;
      const out = { error: st.error, received: st.received, candidates: st.candidates,
        ice: st.pc ? st.pc.iceConnectionState : null, localType: null, remoteType: null };
      if (!st.pc) { done(out); return; }
      st.pc.getStats().then((stats) => {
        stats.forEach((r) => {
          if (r.type === 'transport' && r.selectedCandidatePairId) {
            const pair = stats.get(r.selectedCandidatePairId);
            out.localType = stats.get(pair.localCandidateId).candidateType;
            out.remoteType = stats.get(pair.remoteCandidateId).candidateType;
          }
        });
        done(out);
      }, (e) => { out.error = String(e); done(out); });
      """;

  @ParameterizedTest
  @ValueSource(strings = {"udp", "tcp"})
  void javaAndChromiumTalkRelayToRelayThroughSquallTurn(String transport) throws Exception {
    Chromium.requireInstalled();
    TurnSettings turn = TurnSettings.builder().allowLoopbackPeers(true).relayToRelay(true).build();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    CompletableFuture<PeerConnection> java = new CompletableFuture<>();
    LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    try (InProcessServer server = InProcessServer.start(turn)) {
      URI ws = URI.create(server.base().toString().replaceFirst("^http", "ws") + "ws");
      SignalingClient client = SignalingClient.connect(ws).get(10, TimeUnit.SECONDS);
      try {
        PeerConfiguration relayOnly =
            PeerConfiguration.defaults().withIceTransportPolicy(IceTransportPolicy.RELAY);
        RoomPeers.join(
                client,
                "relay-e2e",
                "java",
                null,
                servers ->
                    CompletableFuture.supplyAsync(
                            () -> relayOnly.withIceServers(turnOnly(servers, transport)))
                        .thenCompose(
                            config ->
                                UdpPeerConnections.create(
                                    group.next(),
                                    config,
                                    List.of(InetAddress.getLoopbackAddress()))),
                (PeerInfo peer, PeerConnection pc, boolean offerer) -> {
                  pc.onDataChannel(
                      (DataChannel ch) ->
                          ch.onMessage(
                              m -> {
                                texts.add(m.asText());
                                ch.send("echo from java: " + m.asText());
                              }));
                  java.complete(pc);
                })
            .get(10, TimeUnit.SECONDS);
        try (Chromium chromium = Chromium.launch(false)) {
          JavascriptExecutor page = (JavascriptExecutor) chromium.driver();
          chromium.driver().get(server.base().toString());
          page.executeScript(START, ws.toString(), "relay-e2e", transport);

          PeerConnection pc = java.get(20, TimeUnit.SECONDS);
          pc.connected().get(30, TimeUnit.SECONDS);
          assertThat(texts.poll(20, TimeUnit.SECONDS)).isEqualTo("ping from chromium");
          await()
              .atMost(Duration.ofSeconds(20))
              .untilAsserted(
                  () -> {
                    Map<String, Object> st = state(page);
                    assertThat(st.get("error")).isNull();
                    assertThat(st.get("received"))
                        .asList()
                        .contains("echo from java: ping from chromium");
                    assertThat(st.get("localType")).as("Chromium's local").isEqualTo("relay");
                    assertThat(st.get("remoteType")).as("Chromium's remote").isEqualTo("relay");
                  });
          @SuppressWarnings("unchecked")
          List<String> browserCandidates = (List<String>) state(page).get("candidates");
          assertThat(browserCandidates).isNotEmpty().allMatch(c -> c.contains(" typ relay "));

          CandidatePairStats selected =
              pc.getStats().get(10, TimeUnit.SECONDS).selectedCandidatePair().orElseThrow();
          assertThat(selected.local().candidateType()).isEqualTo(CandidateType.RELAYED);
          assertThat(selected.remote().candidateType())
              .isIn(CandidateType.RELAYED, CandidateType.PEER_REFLEXIVE);
          // Chromium's relayed address is the pair's remote end: the server relays both ways
          assertThat(selected.remoteAddress().getAddress().isLoopbackAddress()).isTrue();
          pc.close();
        }
      } finally {
        client.close();
      }
    } finally {
      java.thenAccept(PeerConnection::close);
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** The entries' {@code turn:} URLs with {@code ?transport=<transport>} only. */
  private static List<IceServer> turnOnly(List<IceServer> servers, String transport) {
    return servers.stream()
        .map(
            s ->
                new IceServer(
                    s.urls().stream()
                        .filter(u -> u.startsWith("turn:") && u.endsWith("transport=" + transport))
                        .toList(),
                    s.username(),
                    s.credential()))
        .filter(s -> !s.urls().isEmpty())
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> state(JavascriptExecutor page) {
    return (Map<String, Object>) page.executeAsyncScript(STATE);
  }
}
