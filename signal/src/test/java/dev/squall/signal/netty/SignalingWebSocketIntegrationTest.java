package dev.squall.signal.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.squall.signal.SignalingConfig;
import dev.squall.signal.client.SignalingClient;
import dev.squall.signal.client.SignalingErrorException;
import dev.squall.signal.message.IceCandidate;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.PeerInfo;
import dev.squall.signal.message.PeerLeft;
import dev.squall.signal.message.RelayedAnswer;
import dev.squall.signal.message.RelayedCandidate;
import dev.squall.signal.message.RelayedMessage;
import dev.squall.signal.message.RelayedOffer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The WebSocket binding over real Netty on 127.0.0.1, driven by the Java client. */
@Timeout(60)
class SignalingWebSocketIntegrationTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TestServer server;
  private SignalingClient a;
  private SignalingClient b;

  @AfterEach
  void stop() throws Exception {
    for (SignalingClient c : new SignalingClient[] {a, b}) {
      if (c != null) {
        c.closeAsync().get(10, TimeUnit.SECONDS);
      }
    }
    if (server != null) {
      server.close();
    }
  }

  private SignalingClient connect(Recorder r) throws Exception {
    return SignalingClient.builder(server.uri()).listener(r).connect().get(10, TimeUnit.SECONDS);
  }

  @Test
  void twoClientsJoinAndRelayOfferAnswerCandidate() throws Exception {
    server = new TestServer(SignalingConfig.defaults());
    Recorder ra = new Recorder();
    Recorder rb = new Recorder();
    a = connect(ra);
    b = connect(rb);
    Joined ja = a.join("demo", "Ada", null).get(10, TimeUnit.SECONDS);
    assertThat(ja.iceServers())
        .singleElement()
        .satisfies(s -> assertThat(s.urls()).containsExactly("stun:127.0.0.1:3478"));
    Joined jb = b.join("demo", "Bob", null).get(10, TimeUnit.SECONDS);
    assertThat(jb.peers()).containsExactly(new PeerInfo(ja.id(), "Ada"));
    await().until(() -> ra.events.contains(new PeerInfo(jb.id(), "Bob")));

    b.offer(ja.id(), "v=0 offer");
    await().until(() -> ra.relayed.contains(new RelayedOffer(jb.id(), "v=0 offer")));
    a.answer(jb.id(), "v=0 answer");
    await().until(() -> rb.relayed.contains(new RelayedAnswer(ja.id(), "v=0 answer")));
    IceCandidate c =
        new IceCandidate("candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host", "0", 0, "abcd");
    b.candidate(ja.id(), c);
    await().until(() -> ra.relayed.contains(new RelayedCandidate(jb.id(), c)));
    assertThat(a.ping().get(10, TimeUnit.SECONDS)).isPositive();

    a.offer("nobody", "x");
    await().until(() -> ra.errors.stream().anyMatch(e -> e.code().equals("unknown-peer")));
    assertThat(server.hub.connectionCount()).isEqualTo(2);
    assertThat(
            server
                .registry
                .get("squall.signal.messages.relayed")
                .tag("type", "offer")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  void joinRefusalsFailTheFuture() throws Exception {
    server = new TestServer(SignalingConfig.defaults());
    a = connect(new Recorder());
    var failed = a.join("bad room", "Ada", null);
    assertThat(failed)
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(SignalingErrorException.class)
        .withMessageStartingWith("bad-room");
    assertThat(a.join("demo", "Ada", null).get(10, TimeUnit.SECONDS).room()).isEqualTo("demo");
  }

  @Test
  void droppedConnectionThenResumeDeliversMessagesSentMeanwhile() throws Exception {
    server = new TestServer(SignalingConfig.defaults());
    Recorder ra = new Recorder();
    Recorder rb = new Recorder();
    a = connect(ra);
    b = connect(rb);
    Joined ja = a.join("demo", "Ada", null).get(10, TimeUnit.SECONDS);
    Joined jb = b.join("demo", "Bob", null).get(10, TimeUnit.SECONDS);

    a.abort(); // TCP close without a WebSocket close
    a.closeFuture().get(10, TimeUnit.SECONDS);
    assertThat(ra.closeStatus).isEqualTo(1006);
    await().until(() -> server.hub.connectionCount() == 1);
    b.message(ja.id(), JSON.textNode("while away 1"));
    b.offer(ja.id(), "while away 2");
    assertThat(b.ping().get(10, TimeUnit.SECONDS)).isPositive(); // both are queued by now

    Recorder ra2 = new Recorder();
    SignalingClient a2 = connect(ra2);
    a = a2;
    Joined resumed = a2.resume(ja.resumeToken()).get(10, TimeUnit.SECONDS);
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.id()).isEqualTo(ja.id());
    assertThat(resumed.peers()).containsExactly(new PeerInfo(jb.id(), "Bob"));
    await().until(() -> ra2.relayed.size() == 2);
    assertThat(ra2.relayed)
        .containsExactly(
            new RelayedMessage(jb.id(), JSON.textNode("while away 1")),
            new RelayedOffer(jb.id(), "while away 2"));
    assertThat(rb.events).noneMatch(e -> e instanceof PeerLeft);
  }

  @Test
  void automaticResumeAfterADrop() throws Exception {
    server = new TestServer(SignalingConfig.defaults());
    Recorder ra = new Recorder();
    Recorder rb = new Recorder();
    a =
        SignalingClient.builder(server.uri())
            .listener(ra)
            .autoResume(Duration.ofSeconds(10))
            .connect()
            .get(10, TimeUnit.SECONDS);
    b = connect(rb);
    Joined ja = a.join("demo", "Ada", null).get(10, TimeUnit.SECONDS);
    Joined jb = b.join("demo", "Bob", null).get(10, TimeUnit.SECONDS);
    a.abort();
    await().until(() -> ra.resumed.size() == 1);
    assertThat(ra.resumed.get(0).id()).isEqualTo(ja.id());
    assertThat(a.session().get(10, TimeUnit.SECONDS).resumeToken()).isNotEqualTo(ja.resumeToken());
    b.offer(ja.id(), "after");
    await().until(() -> ra.relayed.contains(new RelayedOffer(jb.id(), "after")));
    assertThat(rb.events).noneMatch(e -> e instanceof PeerLeft);
    assertThat(ra.closeStatus).isEqualTo(-1);
  }

  @Test
  void tooLargeFrameIsRefusedAndTheConnectionStaysUsable() throws Exception {
    server = new TestServer(SignalingConfig.defaults().withMaxMessageBytes(1024));
    Recorder ra = new Recorder();
    a = connect(ra);
    Joined ja = a.join("demo", "Ada", null).get(10, TimeUnit.SECONDS);
    a.offer(ja.id(), "x".repeat(2000));
    await().until(() -> ra.errors.stream().anyMatch(e -> e.code().equals("too-large")));
    assertThat(a.ping().get(10, TimeUnit.SECONDS)).isPositive();
    assertThat(
            server.registry.get("squall.signal.errors").tag("code", "too-large").counter().count())
        .isEqualTo(1);
  }

  @Test
  void shutdownSendsShutdownAndCloses1001() throws Exception {
    server = new TestServer(SignalingConfig.defaults());
    Recorder ra = new Recorder();
    a = connect(ra);
    a.join("demo", "Ada", null).get(10, TimeUnit.SECONDS);
    server.hub.shutdown("maintenance").get(10, TimeUnit.SECONDS);
    a.closeFuture().get(10, TimeUnit.SECONDS);
    assertThat(ra.shutdown).isEqualTo("maintenance");
    assertThat(ra.closeStatus).isEqualTo(1001);
  }

  @Test
  void otherHttpRequestsPassThrough() throws Exception {
    server = new TestServer(SignalingConfig.defaults());
    HttpResponse<String> res =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/index.html"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(res.body()).isEqualTo("not found: /index.html");
  }
}
