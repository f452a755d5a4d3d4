package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.squall.signal.AuthTokens;
import dev.squall.signal.IceServer;
import dev.squall.signal.client.SignalingClient;
import dev.squall.signal.client.SignalingListener;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.Relayed;
import dev.squall.signal.message.RelayedOffer;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The signal module's Java client against the server's /ws endpoint. */
class SignalingThroughServerTest {

  /** Records what a client is told. */
  static final class Events implements SignalingListener {
    final BlockingQueue<Relayed> relayed = new LinkedBlockingQueue<>();
    final CompletableFuture<String> shutdown = new CompletableFuture<>();

    @Override
    public void onRelayed(Relayed message) {
      relayed.add(message);
    }

    @Override
    public void onShutdown(String reason) {
      shutdown.complete(reason);
    }
  }

  static URI ws(SquallServer server) {
    return URI.create((server.tls() ? "wss" : "ws") + "://127.0.0.1:" + server.httpPort() + "/ws");
  }

  static SignalingClient connect(SquallServer server, Events events) throws Exception {
    var builder = SignalingClient.builder(ws(server)).listener(events);
    if (server.tls()) {
      builder.sslContext(
          SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build());
    }
    return builder.connect().get(20, TimeUnit.SECONDS);
  }

  @Test
  void joinRelayHealthMetricsAndShutdown() throws Exception {
    SquallServer server = new SquallServer(TestServers.config().stunPort(0).build());
    server.start();
    Events aEvents = new Events();
    Events bEvents = new Events();
    SignalingClient a = connect(server, aEvents);
    SignalingClient b = connect(server, bEvents);
    try {
      Joined aJoined = a.join("demo", "Ada", null).get(20, TimeUnit.SECONDS);
      assertThat(aJoined.peers()).isEmpty();
      assertThat(aJoined.iceServers())
          .first()
          .isEqualTo(IceServer.of("stun:127.0.0.1:" + server.stunUdpPort()));
      assertThat(aJoined.iceServers().get(1).urls())
          .containsExactly(
              "turn:127.0.0.1:" + server.stunUdpPort() + "?transport=udp",
              "turn:127.0.0.1:" + server.stunUdpPort() + "?transport=tcp");
      Joined bJoined = b.join("demo", "Bob", null).get(20, TimeUnit.SECONDS);
      assertThat(bJoined.peers()).extracting(p -> p.id()).containsExactly(aJoined.id());

      b.offer(aJoined.id(), "v=0 test offer");
      assertThat(aEvents.relayed.poll(20, TimeUnit.SECONDS))
          .isEqualTo(new RelayedOffer(bJoined.id(), "v=0 test offer"));

      String health = TestServers.get(server, "/healthz").body();
      assertThat(health).contains("\"connections\":2").contains("\"rooms\":1");
      String metrics = TestServers.get(server, "/metrics").body();
      assertThat(metrics)
          .contains("squall_signal_connections 2.0")
          .contains("squall_signal_rooms 1.0")
          .contains("squall_signal_messages_relayed_total")
          .contains("squall_http_requests_total")
          .contains("squall_errors_total{kind=\"tls\"} 0.0")
          .contains("jvm_memory_used_bytes");

      server.stop(Duration.ofSeconds(5));
      assertThat(aEvents.shutdown.get(10, TimeUnit.SECONDS)).isNotBlank();
      assertThat(bEvents.shutdown.get(10, TimeUnit.SECONDS)).isNotBlank();
      // the server closes the connections; the clients see it
      a.closeFuture().get(10, TimeUnit.SECONDS);
      b.closeFuture().get(10, TimeUnit.SECONDS);
    } finally {
      server.close();
      for (SignalingClient c : List.of(a, b)) {
        if (!c.closeFuture().isDone()) {
          c.close();
        }
      }
    }
  }

  @Test
  void configuredIceServersAndAuthSecret() throws Exception {
    String secret = "test-secret-0123456789";
    ServerConfig config =
        TestServers.config()
            .authSecret(secret)
            .iceServers(
                List.of(
                    IceServerUri.parse("stun:stun.example.org:3478"),
                    IceServerUri.parse("turn:user:pass@turn.example.org:3478?transport=tcp")))
            .build();
    try (SquallServer server = new SquallServer(config)) {
      server.start();
      Events events = new Events();
      try (SignalingClient c = connect(server, events)) {
        CompletableFuture<Joined> refused = c.join("locked", "Eve", null);
        await().atMost(Duration.ofSeconds(20)).until(refused::isDone);
        assertThat(refused).isCompletedExceptionally();
        try {
          refused.get();
        } catch (ExecutionException e) {
          assertThat(e.getCause()).hasMessageContaining("unauthorized");
        }
        String token = AuthTokens.mint(secret, "locked", Instant.now().plusSeconds(60));
        Joined joined = c.join("locked", "Eve", token).get(20, TimeUnit.SECONDS);
        assertThat(joined.iceServers())
            .containsExactly(
                IceServer.of("stun:stun.example.org:3478"),
                new IceServer(List.of("turn:turn.example.org:3478?transport=tcp"), "user", "pass"));
      }
    }
  }

  @Test
  void signalingOverTls() throws Exception {
    try (SquallServer server =
        new SquallServer(TestServers.config().tls(TlsConfig.selfSigned()).build())) {
      server.start();
      Events events = new Events();
      try (SignalingClient c = connect(server, events)) {
        Joined joined = c.join("secure", "Ada", null).get(20, TimeUnit.SECONDS);
        assertThat(joined.room()).isEqualTo("secure");
        assertThat(joined.iceServers()).isEmpty(); // STUN is off in this config
      }
    }
  }
}
