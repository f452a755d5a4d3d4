package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.signal.IceServer;
import dev.squall.signal.client.SignalingClient;
import dev.squall.signal.message.Joined;
import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.turn.TurnRestCredentials;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * TURN credentials handed out through signaling (one per join, REST-API style, with the configured
 * lifetime) that the server's TURN accepts over UDP, TCP and TLS; expired ones are refused; TURN
 * over TLS runs only when the server has a certificate.
 */
class TurnTlsAndSignalingTest {

  static final Pattern REST_USER = Pattern.compile("(\\d+):([A-Za-z0-9_-]+)");

  @Test
  void joinHandsOutFreshTurnCredentialsThatTheServerAcceptsAndThatExpire() throws Exception {
    String secret = "signaling-turn-secret";
    Duration ttl = Duration.ofMinutes(30);
    ServerConfig config =
        TestServers.config()
            .stunPort(0)
            .tls(TlsConfig.selfSigned())
            .turn(TurnSettings.builder().secret(secret).tlsPort(0).credentialTtl(ttl).build())
            .build();
    try (SquallServer server = new SquallServer(config)) {
      server.start();
      assertThat(server.turnTlsPort()).isPositive();
      int port = server.stunUdpPort();
      Joined first;
      Joined second;
      try (SignalingClient a = connect(server);
          SignalingClient b = connect(server)) {
        first = a.join("turn-room", "Ada", null).get(20, TimeUnit.SECONDS);
        second = b.join("turn-room", "Bob", null).get(20, TimeUnit.SECONDS);
      }
      IceServer turn = first.iceServers().get(1);
      assertThat(first.iceServers().get(0)).isEqualTo(IceServer.of("stun:127.0.0.1:" + port));
      assertThat(turn.urls())
          .containsExactly(
              "turn:127.0.0.1:" + port + "?transport=udp",
              "turn:127.0.0.1:" + port + "?transport=tcp",
              "turns:127.0.0.1:" + server.turnTlsPort() + "?transport=tcp");
      Matcher user = REST_USER.matcher(turn.username());
      assertThat(user.matches()).as(turn.username()).isTrue();
      long expiry = Long.parseLong(user.group(1));
      long expected = Instant.now().plus(ttl).getEpochSecond();
      assertThat(expiry).isBetween(expected - 60, expected + 1);
      assertThat(turn.credential())
          .isEqualTo(new TurnRestCredentials(secret).passwordFor(turn.username()));
      assertThat(second.iceServers().get(1).username())
          .as("every join gets its own credential")
          .isNotEqualTo(turn.username());

      try (TurnTestClient udp = TurnTestClient.udp(port)) {
        StunMessage ok = udp.allocate(turn.username(), turn.credential());
        assertThat(ok.messageClass()).as("%s", ok).isEqualTo(StunClass.SUCCESS_RESPONSE);
      }
      try (TurnTestClient tcp =
          TurnTestClient.stream(new java.net.Socket(InetAddress.getLoopbackAddress(), port))) {
        StunMessage ok = tcp.allocate(turn.username(), turn.credential());
        assertThat(ok.messageClass()).as("%s", ok).isEqualTo(StunClass.SUCCESS_RESPONSE);
      }
      try (TurnTestClient tls = TurnTestClient.stream(tlsSocket(server.turnTlsPort()))) {
        StunMessage ok = tls.allocate(turn.username(), turn.credential());
        assertThat(ok.messageClass()).as("%s", ok).isEqualTo(StunClass.SUCCESS_RESPONSE);
      }

      // the same user once its expiry has passed: refused
      var expired =
          new TurnRestCredentials(secret).mint(user.group(2), Instant.now().minusSeconds(5));
      try (TurnTestClient udp = TurnTestClient.udp(port)) {
        StunMessage refused = udp.allocate(expired.username(), expired.password());
        assertThat(TurnTestClient.errorCode(refused)).isEqualTo(ErrorCode.UNAUTHENTICATED);
      }
    }
  }

  @Test
  void withoutACertificateThereIsNoTurnOverTlsAndNoTurnsUrl() throws Exception {
    try (SquallServer server = new SquallServer(TestServers.config().stunPort(0).build())) {
      server.start();
      assertThat(server.turnEnabled()).isTrue();
      assertThat(server.turnTlsPort()).isEqualTo(-1);
      try (SignalingClient a = connect(server)) {
        Joined joined = a.join("plain", "Ada", null).get(20, TimeUnit.SECONDS);
        assertThat(joined.iceServers().get(1).urls()).noneMatch(u -> u.startsWith("turns:"));
      }
    }
  }

  @Test
  void noTurnHandsOutOnlyStun() throws Exception {
    try (SquallServer server =
        new SquallServer(TestServers.config().stunPort(0).turn(TurnSettings.off()).build())) {
      server.start();
      assertThat(server.turnEnabled()).isFalse();
      try (SignalingClient a = connect(server)) {
        Joined joined = a.join("plain", "Ada", null).get(20, TimeUnit.SECONDS);
        assertThat(joined.iceServers())
            .containsExactly(IceServer.of("stun:127.0.0.1:" + server.stunUdpPort()));
      }
      try (TurnTestClient udp = TurnTestClient.udp(server.stunUdpPort())) {
        StunMessage allocate = udp.allocate("anyone", "anything");
        assertThat(TurnTestClient.errorCode(allocate))
            .as("the Binding server answers Allocate with 400")
            .isEqualTo(ErrorCode.BAD_REQUEST);
      }
    }
  }

  private static SignalingClient connect(SquallServer server) throws Exception {
    var builder =
        SignalingClient.builder(
            URI.create(
                (server.tls() ? "wss" : "ws") + "://127.0.0.1:" + server.httpPort() + "/ws"));
    if (server.tls()) {
      builder.sslContext(
          SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build());
    }
    return builder.connect().get(20, TimeUnit.SECONDS);
  }

  private static SSLSocket tlsSocket(int port) throws Exception {
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, new javax.net.ssl.TrustManager[] {new TlsTest.TrustAll()}, null);
    SSLSocket socket =
        (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
    socket.startHandshake();
    return socket;
  }
}
