package dev.squall.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelMessage;
import dev.squall.ice.CandidateType;
import dev.squall.ice.IceTransportPolicy;
import dev.squall.net.EventLoopScheduler;
import dev.squall.peer.CandidatePairStats;
import dev.squall.peer.IceCandidateInit;
import dev.squall.peer.NettyTurnConnector;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.UdpPeerConnections;
import dev.squall.server.BoundPorts;
import dev.squall.server.ServerConfig;
import dev.squall.server.SquallServer;
import dev.squall.server.TlsConfig;
import dev.squall.server.TurnSettings;
import dev.squall.server.internal.PemCredentials;
import dev.squall.server.internal.SelfSignedCertificate;
import dev.squall.turn.client.TurnEndpoint;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Java peers with {@code iceTransportPolicy} relay connect through an in-process Squall
 * server's TURN over TCP and over TLS (the server's self-signed certificate, which the peers are
 * told to trust), with {@link NettyTurnConnector} on real sockets. Each peer is given only the TCP
 * or TLS URL, so a relay candidate (and with it the connection) exists only if the stream path
 * works. A peer that does not trust the certificate gets no connection, and the reason says why.
 */
class TurnOverTcpAndTlsTest {

  private static final String USER = "alice";
  private static final String PASSWORD = "s3cret";

  @TempDir Path dir;

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  private SquallServer server;
  private BoundPorts ports;
  private X509Certificate certificate;

  @BeforeEach
  void start() throws Exception {
    PemCredentials credentials = SelfSignedCertificate.generate("127.0.0.1");
    certificate = credentials.chain().get(0);
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Files.writeString(cert, pem("CERTIFICATE", certificate.getEncoded()));
    Files.writeString(key, pem("PRIVATE KEY", credentials.key().getEncoded()));
    server =
        new SquallServer(
            ServerConfig.builder()
                .host("127.0.0.1")
                .httpPort(0)
                .stunPort(0)
                .tls(TlsConfig.pem(cert, key))
                .turn(
                    TurnSettings.builder()
                        .user(USER, PASSWORD)
                        .tlsPort(0)
                        .allowLoopbackPeers(true)
                        .relayToRelay(true)
                        .build())
                .build());
    ports = server.start();
    assertThat(ports.turnTls()).isPositive();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(Duration.ofSeconds(5));
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void relayOnlyPeersTalkThroughTurnOverTcp() throws Exception {
    TurnEndpoint tcp =
        TurnEndpoint.parse("turn:127.0.0.1:" + ports.stunTcp() + "?transport=tcp", USER, PASSWORD);
    talkThrough(tcp, PeerConfiguration.defaults());
  }

  @Test
  void relayOnlyPeersTalkThroughTurnOverTlsTrustingTheServersCertificate() throws Exception {
    TurnEndpoint tls = TurnEndpoint.parse("turns:127.0.0.1:" + ports.turnTls(), USER, PASSWORD);
    talkThrough(
        tls,
        PeerConfiguration.defaults()
            .withTurnConnector(
                NettyTurnConnector.defaults().withTrustedCertificates(List.of(certificate))));
  }

  @Test
  void anUntrustedCertificateFailsTheConnectionWithTheReason() throws Exception {
    TurnEndpoint tls = TurnEndpoint.parse("turns:127.0.0.1:" + ports.turnTls(), USER, PASSWORD);
    EventLoopScheduler scheduler = new EventLoopScheduler(group.next());
    // the JDK's trust store does not know the server's self-signed certificate
    CompletableFuture<?> defaultTrust = NettyTurnConnector.defaults().connect(tls, scheduler);
    assertThatThrownBy(() -> defaultTrust.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("TLS handshake with turns:127.0.0.1:" + ports.turnTls())
        .hasMessageContaining("certification path");

    // trusted, but issued for another name: the host name check fails
    PemCredentials other = SelfSignedCertificate.generate("turn.example");
    TurnEndpoint byName =
        new TurnEndpoint(tls.address(), tls.transport(), USER, PASSWORD, "turn.invalid");
    CompletableFuture<?> wrongName =
        NettyTurnConnector.defaults()
            .withTrustedCertificates(List.of(certificate, other.chain().get(0)))
            .connect(byName, scheduler);
    assertThatThrownBy(() -> wrongName.get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(SSLHandshakeException.class)
        .hasMessageContaining("(turn.invalid)");

    // a relay-only peer with only that server gathers nothing and says why
    PeerConnection pc =
        UdpPeerConnections.create(
                group.next(),
                relayOnly(PeerConfiguration.defaults(), tls),
                List.of(InetAddress.getLoopbackAddress()))
            .get(10, TimeUnit.SECONDS);
    try {
      LinkedBlockingQueue<IceCandidateInit> candidates = new LinkedBlockingQueue<>();
      pc.onIceCandidate(candidates::add);
      pc.createDataChannel("never");
      pc.setLocalDescription(pc.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
      IceCandidateInit first = candidates.poll(15, TimeUnit.SECONDS);
      assertThat(first).as("gathering ends").isNotNull();
      assertThat(first.isEndOfCandidates()).as("no relay candidate: " + first).isTrue();
    } finally {
      pc.close();
    }
  }

  private void talkThrough(TurnEndpoint turn, PeerConfiguration base) throws Exception {
    PeerConfiguration config = relayOnly(base, turn);
    List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
    try (PeerConnection alice =
            UdpPeerConnections.create(group.next(), config, loopback).get(10, TimeUnit.SECONDS);
        PeerConnection bob =
            UdpPeerConnections.create(group.next(), config, loopback).get(10, TimeUnit.SECONDS)) {
      LinkedBlockingQueue<String> candidates = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<DataChannelMessage> bobGot = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<DataChannelMessage> aliceGot = new LinkedBlockingQueue<>();
      bob.onDataChannel(
          ch ->
              ch.onMessage(
                  m -> {
                    bobGot.add(m);
                    ch.send("pong over " + turn.transport());
                  }));
      DataChannel channel = alice.createDataChannel("relay");
      channel.onMessage(aliceGot::add);
      channel.onOpen(() -> channel.send("ping"));
      connect(alice, bob, candidates).get(30, TimeUnit.SECONDS);

      assertThat(bobGot.poll(10, TimeUnit.SECONDS).asText()).isEqualTo("ping");
      assertThat(aliceGot.poll(10, TimeUnit.SECONDS).asText())
          .isEqualTo("pong over " + turn.transport());
      assertThat(candidates).isNotEmpty().allMatch(c -> c.contains(" typ relay "));
      for (PeerConnection pc : List.of(alice, bob)) {
        CandidatePairStats selected =
            pc.getStats().get(10, TimeUnit.SECONDS).selectedCandidatePair().orElseThrow();
        assertThat(selected.local().candidateType()).isEqualTo(CandidateType.RELAYED);
        assertThat(selected.remote().candidateType()).isEqualTo(CandidateType.RELAYED);
      }
    }
  }

  /** {@code base} gathering, signalling and checking relay candidates of {@code turn} only. */
  private static PeerConfiguration relayOnly(PeerConfiguration base, TurnEndpoint turn) {
    return base.withIce(base.ice().withTurnServers(List.of(turn)))
        .withIceTransportPolicy(IceTransportPolicy.RELAY);
  }

  /** Offer/answer and trickle in signaling order; completes when both are connected. */
  private static CompletableFuture<Void> connect(
      PeerConnection offerer, PeerConnection answerer, LinkedBlockingQueue<String> seen) {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    offerer.onIceCandidate(
        c -> {
          if (!c.isEndOfCandidates()) {
            seen.add(c.candidate());
          }
          answered.thenRun(() -> answerer.addIceCandidate(c));
        });
    answerer.onIceCandidate(
        c -> {
          if (!c.isEndOfCandidates()) {
            seen.add(c.candidate());
          }
          answered.thenRun(() -> offerer.addIceCandidate(c));
        });
    offerer
        .createOffer()
        .thenCompose(
            offer ->
                offerer
                    .setLocalDescription(offer)
                    .thenCompose(v -> answerer.setRemoteDescription(offer)))
        .thenCompose(v -> answerer.createAnswer())
        .thenCompose(
            answer ->
                offerer
                    .setRemoteDescription(answer)
                    .thenCompose(v -> answerer.setLocalDescription(answer)))
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                answered.completeExceptionally(e);
              } else {
                answered.complete(null);
              }
            });
    return CompletableFuture.allOf(answered, offerer.connected(), answerer.connected());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
