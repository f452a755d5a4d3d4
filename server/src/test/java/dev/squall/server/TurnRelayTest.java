package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMethod;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.turn.TurnRestCredentials;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TURN through the running server over real loopback sockets: allocations with static and REST
 * credentials over UDP and TCP, data relayed both ways through a bound channel, allocations of a
 * TCP client deleted when its connection closes, and the metrics that count all of it.
 */
class TurnRelayTest {

  static final String SECRET = "relay-test-secret";
  static SquallServer server;
  static InetAddress loopback = InetAddress.getLoopbackAddress();

  @BeforeAll
  static void start() {
    server =
        new SquallServer(
            TestServers.config()
                .stunPort(0)
                .turn(
                    TurnSettings.builder()
                        .secret(SECRET)
                        .user("alice", "wonderland")
                        .allowLoopbackPeers(true)
                        .build())
                .build());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void udpRelaysThroughABoundChannelBothWaysAndMetricsCountIt() throws Exception {
    double toPeer = metric("squall_turn_relayed_packets_total{direction=\"to_peer\"}");
    double toClient = metric("squall_turn_relayed_packets_total{direction=\"to_client\"}");
    double created = metric("squall_turn_allocations_total");
    try (TurnTestClient client = TurnTestClient.udp(server.stunUdpPort());
        DatagramSocket peer = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
      StunMessage allocated = client.allocate("alice", "wonderland");
      assertThat(allocated.messageClass())
          .as("%s", allocated)
          .isEqualTo(StunClass.SUCCESS_RESPONSE);
      InetSocketAddress relayed = TurnTestClient.relayed(allocated);
      assertThat(relayed.getAddress()).isEqualTo(loopback);
      assertThat(metric("squall_turn_allocations_active")).isGreaterThanOrEqualTo(1);
      assertThat(metric("squall_turn_allocations_total") - created).isEqualTo(1);

      StunMessage bound = client.channelBind((InetSocketAddress) peer.getLocalSocketAddress());
      assertThat(bound.messageClass()).as("%s", bound).isEqualTo(StunClass.SUCCESS_RESPONSE);

      byte[] hello = "hello, peer".getBytes(StandardCharsets.US_ASCII);
      client.sendChannelData(hello);
      peer.setSoTimeout(5000);
      DatagramPacket atPeer = new DatagramPacket(new byte[2048], 2048);
      peer.receive(atPeer);
      assertThat(Arrays.copyOf(atPeer.getData(), atPeer.getLength())).isEqualTo(hello);
      assertThat(atPeer.getSocketAddress()).isEqualTo(relayed);

      byte[] back = "hello, client".getBytes(StandardCharsets.US_ASCII);
      peer.send(new DatagramPacket(back, back.length, relayed));
      assertThat(client.receiveChannelData(5000)).isEqualTo(back);

      assertThat(metric("squall_turn_relayed_packets_total{direction=\"to_peer\"}") - toPeer)
          .isEqualTo(1);
      assertThat(metric("squall_turn_relayed_packets_total{direction=\"to_client\"}") - toClient)
          .isEqualTo(1);
      assertThat(metric("squall_turn_relayed_bytes_total{direction=\"to_peer\"}"))
          .isGreaterThanOrEqualTo(hello.length);
    }
  }

  @Test
  void tcpAllocationRelaysAndIsDeletedWhenTheConnectionCloses() throws Exception {
    double active = metric("squall_turn_allocations_active");
    try (DatagramSocket peer = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
      Socket socket = new Socket(loopback, server.stunTcpPort());
      try (TurnTestClient client = TurnTestClient.stream(socket)) {
        StunMessage allocated = client.allocate("alice", "wonderland");
        assertThat(allocated.messageClass())
            .as("%s", allocated)
            .isEqualTo(StunClass.SUCCESS_RESPONSE);
        InetSocketAddress relayed = TurnTestClient.relayed(allocated);
        assertThat(metric("squall_turn_allocations_active")).isEqualTo(active + 1);
        assertThat(
                client.channelBind((InetSocketAddress) peer.getLocalSocketAddress()).messageClass())
            .isEqualTo(StunClass.SUCCESS_RESPONSE);
        // an odd length: the server must pad ChannelData on the stream and strip ours
        byte[] odd = "seven b".getBytes(StandardCharsets.US_ASCII);
        client.sendChannelData(odd);
        peer.setSoTimeout(5000);
        DatagramPacket atPeer = new DatagramPacket(new byte[2048], 2048);
        peer.receive(atPeer);
        assertThat(Arrays.copyOf(atPeer.getData(), atPeer.getLength())).isEqualTo(odd);
        peer.send(new DatagramPacket(odd, odd.length, relayed));
        assertThat(client.receiveChannelData(5000)).isEqualTo(odd);
        client.sendChannelData(odd);
        peer.receive(atPeer);
        assertThat(Arrays.copyOf(atPeer.getData(), atPeer.getLength())).isEqualTo(odd);
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> metric("squall_turn_allocations_active") == active);
    }
  }

  @Test
  void wrongPasswordIsRefusedAndCountedAsAnAuthFailure() throws Exception {
    double failures = metric("squall_turn_auth_failures_total");
    try (TurnTestClient client = TurnTestClient.udp(server.stunUdpPort())) {
      StunMessage refused = client.allocate("alice", "not the password");
      assertThat(refused.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
      assertThat(TurnTestClient.errorCode(refused)).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
    assertThat(metric("squall_turn_auth_failures_total")).isGreaterThan(failures);
  }

  @Test
  void restCredentialsOfTheSharedSecretWorkUntilTheyExpire() throws Exception {
    TurnRestCredentials rest = new TurnRestCredentials(SECRET);
    var valid = rest.mint("carol", Instant.now().plusSeconds(600));
    try (TurnTestClient client = TurnTestClient.udp(server.stunUdpPort())) {
      StunMessage ok = client.allocate(valid.username(), valid.password());
      assertThat(ok.messageClass()).as("%s", ok).isEqualTo(StunClass.SUCCESS_RESPONSE);
      StunMessage deleted = client.authenticated(b -> b.add(new Lifetime(0)), StunMethod.REFRESH);
      assertThat(deleted.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    }
    var expired = rest.mint("carol", Instant.now().minusSeconds(1));
    try (TurnTestClient client = TurnTestClient.udp(server.stunUdpPort())) {
      StunMessage refused = client.allocate(expired.username(), expired.password());
      assertThat(TurnTestClient.errorCode(refused)).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
    var otherSecret =
        new TurnRestCredentials("another-secret").mint("eve", Instant.now().plusSeconds(600));
    try (TurnTestClient client = TurnTestClient.udp(server.stunUdpPort())) {
      StunMessage refused = client.allocate(otherSecret.username(), otherSecret.password());
      assertThat(TurnTestClient.errorCode(refused)).isEqualTo(ErrorCode.UNAUTHENTICATED);
    }
  }

  @Test
  void stunBindingIsStillAnsweredAndCountedOnTheSharedPort() throws Exception {
    double before = ServerCounters.bindingSuccesses(server, "udp");
    try (TurnTestClient client = TurnTestClient.udp(server.stunUdpPort())) {
      StunMessage response = client.transact(TurnTestClient.request(StunMethod.BINDING).build());
      assertThat(response.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    }
    assertThat(ServerCounters.bindingSuccesses(server, "udp")).isEqualTo(before + 1);
  }

  static double metric(String series) throws Exception {
    return ServerCounters.value(server, series);
  }
}
