package dev.squall.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelInit;
import dev.squall.datachannel.DataChannelState;
import dev.squall.dtls.DtlsRole;
import dev.squall.dtls.DtlsState;
import dev.squall.ice.CandidateType;
import dev.squall.ice.IceRole;
import dev.squall.sctp.SctpStats;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PeerConnection#getStats()} between two Java peers over real UDP on 127.0.0.1. */
class StatsLoopbackTest {

  private static final int N = 20;

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static PeerStats stats(PeerConnection pc) throws Exception {
    return pc.getStats().get(5, TimeUnit.SECONDS);
  }

  @Test
  void countsMessagesBytesAndMeasuresTheSelectedPair() throws Exception {
    List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
    try (PeerConnection alice =
            UdpPeerConnections.create(group.next(), PeerConfiguration.defaults(), loopback)
                .get(10, TimeUnit.SECONDS);
        PeerConnection bob =
            UdpPeerConnections.create(group.next(), PeerConfiguration.defaults(), loopback)
                .get(10, TimeUnit.SECONDS)) {
      LinkedBlockingQueue<DataChannel> atBob = new LinkedBlockingQueue<>();
      CountDownLatch bobGotAll = new CountDownLatch(N);
      CountDownLatch aliceGotAll = new CountDownLatch(2);
      bob.onDataChannel(
          ch -> {
            ch.onMessage(m -> bobGotAll.countDown());
            atBob.add(ch);
          });
      DataChannel chat =
          alice.createDataChannel("stats", DataChannelInit.DEFAULT.withProtocol("chat"));
      chat.onMessage(m -> aliceGotAll.countDown());
      CountDownLatch open = new CountDownLatch(1);
      chat.onOpen(open::countDown);

      // before negotiation: no transport and no pair, the channel waits for an id
      PeerStats early = stats(alice);
      assertThat(early.connectionState()).isEqualTo(PeerConnectionState.NEW);
      assertThat(early.transport()).isEmpty();
      assertThat(early.selectedCandidatePair()).isEmpty();
      assertThat(early.sctpTransport()).as("SCTP starts after DTLS").isEmpty();
      assertThat(early.dataChannels())
          .containsExactly(
              new DataChannelStats("stats", "chat", -1, DataChannelState.CONNECTING, 0, 0, 0, 0));

      LoopbackSignalling.connect(alice, bob).get(10, TimeUnit.SECONDS);
      assertThat(open.await(10, TimeUnit.SECONDS)).isTrue();
      DataChannel bobSide = atBob.poll(10, TimeUnit.SECONDS);
      long payload = 0;
      for (int i = 0; i < N; i++) {
        if (i % 2 == 0) {
          String text = "message " + i + " é".repeat(i);
          chat.send(text);
          payload += text.getBytes(StandardCharsets.UTF_8).length;
        } else {
          chat.send(new byte[i * 100]);
          payload += i * 100;
        }
      }
      bobSide.send("ok");
      bobSide.send(new byte[1000]);
      assertThat(bobGotAll.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(aliceGotAll.await(10, TimeUnit.SECONDS)).isTrue();

      AtomicReference<String> completedOn = new AtomicReference<>();
      PeerStats a =
          alice
              .getStats()
              .whenComplete((s, e) -> completedOn.set(Thread.currentThread().getName()))
              .get(5, TimeUnit.SECONDS);
      assertThat(completedOn.get()).as("off the event loop").isEqualTo("squall-datachannel");
      PeerStats b = stats(bob);

      assertThat(a.timestampNanos()).isGreaterThan(early.timestampNanos());
      assertThat(a.connectionState()).isEqualTo(PeerConnectionState.CONNECTED);
      DataChannelStats sent = a.dataChannel("stats").orElseThrow();
      DataChannelStats received = b.dataChannel("stats").orElseThrow();
      assertThat(sent.protocol()).isEqualTo("chat");
      assertThat(sent.state()).isEqualTo(DataChannelState.OPEN);
      assertThat(sent.id()).isEqualTo(received.id()).isEqualTo(chat.id());
      assertThat(sent.messagesSent()).isEqualTo(N);
      assertThat(sent.bytesSent()).isEqualTo(payload);
      assertThat(received.messagesReceived()).isEqualTo(N);
      assertThat(received.bytesReceived()).isEqualTo(payload);
      assertThat(received.messagesSent()).isEqualTo(2);
      assertThat(received.bytesSent()).isEqualTo(1002);
      assertThat(sent.messagesReceived()).isEqualTo(2);
      assertThat(sent.bytesReceived()).isEqualTo(1002);

      SctpStats as = a.sctpTransport().orElseThrow();
      SctpStats bs = b.sctpTransport().orElseThrow();
      assertThat(bs.dataChunksReceived())
          .as("every message is at least one chunk")
          .isGreaterThanOrEqualTo(N);
      assertThat(as.dataChunksReceived()).isGreaterThanOrEqualTo(2);
      assertThat(as.packetsSent()).isPositive();
      assertThat(bs.advertisedRwnd()).isPositive();

      TransportStats at = a.transport().orElseThrow();
      TransportStats bt = b.transport().orElseThrow();
      assertThat(at.iceRole()).isEqualTo(IceRole.CONTROLLING);
      assertThat(bt.iceRole()).isEqualTo(IceRole.CONTROLLED);
      assertThat(at.dtlsState()).isEqualTo(DtlsState.CONNECTED);
      assertThat(at.dtlsRole()).contains(DtlsRole.SERVER);
      assertThat(bt.dtlsRole()).as("the answerer is active").contains(DtlsRole.CLIENT);
      assertThat(at.dtlsCipher()).isPresent().isEqualTo(bt.dtlsCipher());
      assertThat(at.dtlsCipher().orElseThrow()).startsWith("TLS_");
      assertThat(at.srtpCipher()).isEmpty();
      // DTLS records of SCTP packets carry the payloads, plus handshakes, headers and SACKs
      assertThat(at.bytesSent()).isGreaterThan(payload);
      assertThat(bt.bytesReceived()).isGreaterThan(payload);
      assertThat(bt.bytesSent()).isGreaterThan(1002);
      assertThat(at.packetsSent()).isGreaterThanOrEqualTo(N);
      assertThat(bt.packetsReceived()).isGreaterThanOrEqualTo(N);

      for (PeerStats s : List.of(a, b)) {
        CandidatePairStats pair = s.selectedCandidatePair().orElseThrow();
        assertThat(pair.local().candidateType()).isEqualTo(CandidateType.HOST);
        assertThat(pair.local().address()).isEqualTo("127.0.0.1");
        assertThat(pair.local().protocol()).isEqualTo("udp");
        // the remote candidate is the signalled host candidate, or the same address learned as
        // peer-reflexive when the peer's check beat its trickled candidate
        assertThat(pair.remote().candidateType())
            .isIn(CandidateType.HOST, CandidateType.PEER_REFLEXIVE);
        assertThat(pair.remote().address()).isEqualTo("127.0.0.1");
        assertThat(pair.remoteAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(pair.state()).isEqualTo("succeeded");
        assertThat(pair.nominated()).isTrue();
        assertThat(pair.responsesReceived()).isPositive();
        assertThat(pair.requestsReceived()).isPositive();
      }
      // a round-trip time needs one check answered at its first transmission; consent requests
      // (every 4-6 s) add samples, so wait for one when every check was retransmitted
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  stats(alice)
                      .selectedCandidatePair()
                      .orElseThrow()
                      .currentRoundTripTime()
                      .isPresent());
      CandidatePairStats pair = stats(alice).selectedCandidatePair().orElseThrow();
      assertThat(pair.currentRoundTripTime().orElseThrow()).isGreaterThanOrEqualTo(Duration.ZERO);
      assertThat(pair.roundTripTimeMeasurements()).isPositive();
      assertThat(pair.totalRoundTripTime())
          .isGreaterThanOrEqualTo(pair.currentRoundTripTime().get());
      assertThat(pair.localAddress().getPort()).isEqualTo(pair.local().port());
    }
  }

  @Test
  void statsAfterCloseStillComplete() throws Exception {
    PeerConnection pc =
        UdpPeerConnections.create(
                group.next(),
                PeerConfiguration.defaults(),
                List.of(InetAddress.getLoopbackAddress()))
            .get(10, TimeUnit.SECONDS);
    pc.createDataChannel("x");
    pc.close();
    PeerStats s = stats(pc);
    assertThat(s.connectionState()).isEqualTo(PeerConnectionState.CLOSED);
    assertThat(s.dataChannels()).isEmpty();
  }
}
