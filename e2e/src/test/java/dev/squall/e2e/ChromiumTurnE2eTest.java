package dev.squall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.server.TurnSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Chromium relays through the Squall TURN server: one page joins a room over the signaling
 * WebSocket, takes the {@code iceServers} the server hands out (with freshly minted TURN
 * credentials), and connects two RTCPeerConnections with {@code iceTransportPolicy: 'relay'}. A
 * DataChannel message must arrive, and the selected candidate pair must be relay to relay. The
 * relay addresses are on loopback, so this server allows loopback peers.
 */
class ChromiumTurnE2eTest {

  /** Joins over /ws, connects two relay-only peer connections, reports what happened. */
  static final String SCRIPT =
      """
      const done = arguments[arguments.length - 1];
      const wsUrl = arguments[0];
      const transport = arguments[1];
      const fail = e => done({ error: String(e && e.stack || e) });
      const ws = new WebSocket(wsUrl);
      ws.onerror = () => done({ error: 'websocket error' });
      ws.onopen = () => ws.send(JSON.stringify({ type: 'join', room: 'turn-e2e', name: 'relay' }));
      ws.onmessage = async event => {
        const msg = JSON.parse(event.data);
        if (msg.type !== 'joined') return;
        ws.close();
        try {
          const iceServers = msg.iceServers
            .map(s => ({ ...s, urls: s.urls.filter(u => !u.startsWith('turn') || u.endsWith(transport)) }))
            .filter(s => s.urls.length > 0);
          const config = { iceServers, iceTransportPolicy: 'relay' };
          const a = new RTCPeerConnection(config);
          const b = new RTCPeerConnection(config);
          a.onicecandidate = e => e.candidate && b.addIceCandidate(e.candidate).catch(fail);
          b.onicecandidate = e => e.candidate && a.addIceCandidate(e.candidate).catch(fail);
          const received = new Promise(resolve => {
            b.ondatachannel = e => { e.channel.onmessage = m => resolve(m.data); };
          });
          const channel = a.createDataChannel('relay');
          channel.onopen = () => channel.send('hello through TURN');
          await a.setLocalDescription();
          await b.setRemoteDescription(a.localDescription);
          await b.setLocalDescription();
          await a.setRemoteDescription(b.localDescription);
          const text = await Promise.race([
            received,
            new Promise((_, reject) => setTimeout(() => reject('no message within 30 s'), 30000))]);
          const stats = await a.getStats();
          let pair = null;
          stats.forEach(r => {
            if (r.type === 'transport' && r.selectedCandidatePairId) pair = stats.get(r.selectedCandidatePairId);
          });
          const local = pair && stats.get(pair.localCandidateId);
          const remote = pair && stats.get(pair.remoteCandidateId);
          done({
            text,
            iceServers: JSON.stringify(msg.iceServers),
            localType: local && local.candidateType,
            remoteType: remote && remote.candidateType,
            relayProtocol: local && local.relayProtocol,
            localAddress: local && (local.address + ':' + local.port),
          });
          a.close();
          b.close();
        } catch (e) {
          fail(e);
        }
      };
      """;

  @Test
  void twoRelayOnlyPeerConnectionsTalkThroughSquallTurnOverUdp() throws Exception {
    relayOnly("udp");
  }

  @Test
  void twoRelayOnlyPeerConnectionsTalkThroughSquallTurnOverTcp() throws Exception {
    relayOnly("tcp");
  }

  private void relayOnly(String transport) throws Exception {
    Chromium.requireInstalled();
    TurnSettings turn = TurnSettings.builder().allowLoopbackPeers(true).build();
    try (InProcessServer server = InProcessServer.start(turn);
        Chromium chromium = Chromium.launch(false)) {
      chromium.driver().get(server.base().toString());
      String ws = server.base().toString().replaceFirst("^http", "ws") + "ws";
      @SuppressWarnings("unchecked")
      Map<String, Object> result =
          (Map<String, Object>)
              ((JavascriptExecutor) chromium.driver()).executeAsyncScript(SCRIPT, ws, transport);

      assertThat(result).doesNotContainKey("error");
      assertThat(result.get("text")).isEqualTo("hello through TURN");
      assertThat(result.get("localType")).as("selected local candidate").isEqualTo("relay");
      assertThat(result.get("remoteType")).as("selected remote candidate").isEqualTo("relay");
      assertThat(result.get("relayProtocol")).isEqualTo(transport);
      Scrape metrics = Scrape.of(server);
      assertThat(metrics.value("squall_turn_allocations_total")).isGreaterThanOrEqualTo(2);
      assertThat(metrics.value("squall_turn_relayed_packets_total{direction=\"to_peer\"}"))
          .isPositive();
      assertThat(metrics.value("squall_turn_relayed_packets_total{direction=\"to_client\"}"))
          .isPositive();
    }
  }
}
