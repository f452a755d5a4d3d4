package dev.squall.turn.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunException;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMethod;
import dev.squall.stun.attribute.ChannelNumber;
import dev.squall.stun.attribute.Data;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.turn.ChannelData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relayed transport against a scripted server on the virtual clock: permissions asked for in
 * batches and refreshed, data waiting for its permission, Send indications until a channel is bound
 * and ChannelData after, channel refresh, and what comes back from peers.
 */
class TurnAllocationTest {

  static final InetSocketAddress PEER_A = new InetSocketAddress("198.18.2.1", 7000);
  static final InetSocketAddress PEER_A2 = new InetSocketAddress("198.18.2.1", 7001);
  static final InetSocketAddress PEER_B = new InetSocketAddress("198.18.3.1", 8000);

  private final ScriptedServer server = new ScriptedServer();
  private final TurnClient client =
      new TurnClient(server, TurnClientConfig.of("alice", "secret").withRandom(new Random(2)));
  private final List<Object[]> received = new ArrayList<>();
  private TurnAllocation relay;

  @BeforeEach
  void allocate() throws Exception {
    server.client = client;
    CompletableFuture<TurnAllocation> f = client.allocate();
    server.challenge(server.last(StunMethod.ALLOCATE), "n1");
    server.allocated(server.last(StunMethod.ALLOCATE), 600);
    relay = f.get();
    relay.onReceive((from, data) -> received.add(new Object[] {from, data}));
    server.sent.clear();
  }

  @Test
  void dataWaitsForItsPermissionAndPermissionsAreBatched() throws Exception {
    relay.send(PEER_A, new byte[] {1});
    relay.send(PEER_A2, new byte[] {2}); // same IP: one permission
    relay.send(PEER_B, new byte[] {3});
    assertThat(server.sent).isEmpty(); // asked for at the end of the turn
    server.scheduler.runPending();
    List<StunMessage> requests = server.requests(StunMethod.CREATE_PERMISSION);
    assertThat(requests).hasSize(1);
    assertThat(peers(requests.get(0)))
        .containsExactly(
            new InetSocketAddress(PEER_A.getAddress(), 0),
            new InetSocketAddress(PEER_B.getAddress(), 0));
    assertThat(requests.get(0).verifyMessageIntegrity(server.key())).isTrue();
    assertThat(sendIndications()).isEmpty();

    server.success(requests.get(0));
    List<StunMessage> sends = sendIndications();
    assertThat(sends).hasSize(3);
    assertThat(sends.get(0).attribute(XorPeerAddress.class).orElseThrow().address())
        .isEqualTo(PEER_A);
    assertThat(sends.get(0).attribute(Data.class).orElseThrow().value()).containsExactly(1);
    assertThat(sends.get(1).attribute(XorPeerAddress.class).orElseThrow().address())
        .isEqualTo(PEER_A2);
    assertThat(sends.get(2).attribute(Data.class).orElseThrow().value()).containsExactly(3);
    assertThat(relay.hasPermission(PEER_A.getAddress())).isTrue();

    relay.send(PEER_A, new byte[] {4}); // permitted: straight out
    assertThat(sendIndications()).hasSize(4);
    assertThat(client.stats().sendIndications()).isEqualTo(4);
  }

  @Test
  void aRefusedBatchIsRetriedOneAddressAtATime() throws Exception {
    CompletableFuture<Void> a = relay.createPermission(PEER_A.getAddress());
    CompletableFuture<Void> b = relay.createPermission(PEER_B.getAddress());
    server.scheduler.runPending();
    server.error(server.last(StunMethod.CREATE_PERMISSION), 403, "Forbidden");
    List<StunMessage> requests = server.requests(StunMethod.CREATE_PERMISSION);
    assertThat(requests).hasSize(3);
    server.success(requests.get(1)); // PEER_A's alone
    server.error(requests.get(2), 403, "Forbidden"); // PEER_B's alone
    assertThat(a).isCompleted();
    assertThat(TurnClientTest.failure(b).code()).isEqualTo(403);
    assertThat(relay.hasPermission(PEER_A.getAddress())).isTrue();
    assertThat(relay.hasPermission(PEER_B.getAddress())).isFalse();

    // a send to the refused peer is dropped, and not asked for again before retryAfter
    relay.send(PEER_B, new byte[] {9});
    server.scheduler.runPending();
    assertThat(server.requests(StunMethod.CREATE_PERMISSION)).hasSize(3);
    assertThat(client.stats().droppedNoPermission()).isEqualTo(1);
    server.scheduler.advance(Duration.ofSeconds(10));
    relay.send(PEER_B, new byte[] {9});
    server.scheduler.runPending();
    assertThat(server.requests(StunMethod.CREATE_PERMISSION)).hasSize(4);
  }

  @Test
  void installedPermissionsAreRefreshedEvery240Seconds() throws Exception {
    relay.createPermission(PEER_A.getAddress());
    server.scheduler.runPending();
    server.success(server.last(StunMethod.CREATE_PERMISSION));
    server.scheduler.advance(Duration.ofSeconds(100));
    relay.createPermission(PEER_B.getAddress());
    server.scheduler.runPending();
    server.success(server.last(StunMethod.CREATE_PERMISSION));
    assertThat(server.requests(StunMethod.CREATE_PERMISSION)).hasSize(2);

    server.scheduler.advance(Duration.ofSeconds(139));
    assertThat(server.requests(StunMethod.CREATE_PERMISSION)).hasSize(2);
    server.scheduler.advance(Duration.ofSeconds(1)); // 240 s after the first install
    StunMessage refresh = server.last(StunMethod.CREATE_PERMISSION);
    assertThat(peers(refresh)).hasSize(2); // both in one request
    server.success(refresh);
    server.scheduler.advance(Duration.ofSeconds(240));
    assertThat(server.requests(StunMethod.CREATE_PERMISSION)).hasSize(4);
    assertThat(client.stats().permissionRefreshes()).isEqualTo(2);
  }

  @Test
  void anUnansweredPermissionRefreshIsRetriedThenThePermissionDropped() throws Exception {
    relay.createPermission(PEER_A.getAddress());
    server.scheduler.runPending();
    server.success(server.last(StunMethod.CREATE_PERMISSION));
    server.scheduler.advance(Duration.ofMillis(289_600));
    // refresh at 240 s timed out at 279.5 s, retried at 289.5 s
    assertThat(server.requests(StunMethod.CREATE_PERMISSION)).hasSize(1 + 7 + 1);
    server.scheduler.advance(Duration.ofSeconds(40));
    assertThat(relay.hasPermission(PEER_A.getAddress())).isFalse();
  }

  @Test
  void sendIndicationsUntilTheChannelIsBoundThenChannelData() throws Exception {
    relay.createPermission(PEER_A.getAddress());
    server.scheduler.runPending();
    server.success(server.last(StunMethod.CREATE_PERMISSION));

    CompletableFuture<Integer> bound = relay.bindChannel(PEER_A);
    StunMessage bind = server.last(StunMethod.CHANNEL_BIND);
    assertThat(bind.attribute(ChannelNumber.class).orElseThrow().channel()).isEqualTo(0x4000);
    assertThat(bind.attribute(XorPeerAddress.class).orElseThrow().address()).isEqualTo(PEER_A);
    relay.send(PEER_A, new byte[] {1, 2, 3});
    assertThat(sendIndications()).hasSize(1);
    assertThat(relay.channel(PEER_A)).isEmpty();

    // the server may send ChannelData as soon as it bound the channel
    server.deliver(ChannelData.encode(0x4000, new byte[] {7, 7}, 0, 2, false));
    assertThat(received).hasSize(1);

    server.success(bind);
    assertThat(bound.get()).isEqualTo(0x4000);
    assertThat(relay.channel(PEER_A)).hasValue(0x4000);
    relay.send(PEER_A, new byte[] {4, 5});
    byte[] last = server.sent.get(server.sent.size() - 1);
    assertThat(last).containsExactly(0x40, 0x00, 0x00, 0x02, 4, 5);
    assertThat(client.stats().channelDataSent()).isEqualTo(1);
    assertThat(relay.bindChannel(PEER_A).get()).isEqualTo(0x4000); // once per peer
    assertThat(relay.bindChannel(PEER_B)).isNotDone();
    assertThat(server.last(StunMethod.CHANNEL_BIND).attribute(ChannelNumber.class).orElseThrow())
        .isEqualTo(new ChannelNumber(0x4001));
  }

  @Test
  void overAStreamChannelDataIsPadded() throws Exception {
    server.stream = true;
    relay.createPermission(PEER_A.getAddress());
    server.scheduler.runPending();
    server.success(server.last(StunMethod.CREATE_PERMISSION));
    relay.bindChannel(PEER_A);
    server.success(server.last(StunMethod.CHANNEL_BIND));
    relay.send(PEER_A, new byte[] {1});
    assertThat(server.sent.get(server.sent.size() - 1)).containsExactly(0x40, 0, 0, 1, 1, 0, 0, 0);
  }

  @Test
  void channelsAreRefreshedEvery540Seconds() throws Exception {
    relay.bindChannel(PEER_A);
    server.success(server.last(StunMethod.CHANNEL_BIND));
    server.scheduler.advance(Duration.ofSeconds(539));
    assertThat(server.requests(StunMethod.CHANNEL_BIND)).hasSize(1);
    server.scheduler.advance(Duration.ofSeconds(1));
    List<StunMessage> binds = server.requests(StunMethod.CHANNEL_BIND);
    assertThat(binds).hasSize(2);
    assertThat(binds.get(1).attribute(ChannelNumber.class).orElseThrow().channel())
        .isEqualTo(0x4000);
    assertThat(binds.get(1).attribute(XorPeerAddress.class).orElseThrow().address())
        .isEqualTo(PEER_A);
  }

  @Test
  void aRefusedChannelRefreshFallsBackToSendIndications() throws Exception {
    relay.createPermission(PEER_A.getAddress());
    server.scheduler.runPending();
    server.success(server.last(StunMethod.CREATE_PERMISSION));
    relay.bindChannel(PEER_A);
    server.success(server.last(StunMethod.CHANNEL_BIND));
    for (int i = 0; i < 2; i++) {
      server.scheduler.advance(Duration.ofSeconds(240));
      server.success(server.last(StunMethod.CREATE_PERMISSION)); // permission refreshes go on
    }
    server.scheduler.advance(Duration.ofSeconds(60));
    server.error(server.last(StunMethod.CHANNEL_BIND), 400, "Bad Request");
    assertThat(relay.channel(PEER_A)).isEmpty();
    int before = sendIndications().size();
    relay.send(PEER_A, new byte[] {1});
    assertThat(sendIndications()).hasSize(before + 1);
  }

  @Test
  void dataFromPeersComesOutWithThePeersAddress() throws Exception {
    server.deliver(
        ScriptedServer.indication(StunMethod.DATA)
            .add(new XorPeerAddress(PEER_B))
            .add(new Data(new byte[] {42, 43}))
            .build());
    assertThat(received).hasSize(1);
    assertThat(received.get(0)[0]).isEqualTo(PEER_B);
    assertThat((byte[]) received.get(0)[1]).containsExactly(42, 43);
    assertThat(client.stats().dataIndicationsReceived()).isEqualTo(1);

    // ChannelData on a channel never asked for, a Data indication without DATA: dropped
    server.deliver(ChannelData.encode(0x4123, new byte[] {1}, 0, 1, false));
    server.deliver(
        ScriptedServer.indication(StunMethod.DATA).add(new XorPeerAddress(PEER_B)).build());
    assertThat(received).hasSize(1);
    assertThat(client.stats().droppedMalformed()).isEqualTo(2);
  }

  @Test
  void sendsAfterCloseAreIgnored() {
    relay.close();
    server.sent.clear();
    relay.send(PEER_A, new byte[] {1});
    server.scheduler.runPending();
    assertThat(server.sent).isEmpty();
    assertThat(relay.isClosed()).isTrue();
  }

  private List<StunMessage> sendIndications() {
    return server.messages().stream()
        .filter(m -> m.messageClass() == StunClass.INDICATION && m.method().equals(StunMethod.SEND))
        .toList();
  }

  private static List<InetSocketAddress> peers(StunMessage m) {
    return m.attributes().stream()
        .filter(a -> a instanceof XorPeerAddress)
        .map(a -> ((XorPeerAddress) a).address())
        .toList();
  }

  static InetAddress ip(String s) throws java.net.UnknownHostException {
    return InetAddress.getByName(s);
  }

  static StunMessage decode(byte[] b) throws StunException {
    return StunMessage.decode(b);
  }
}
