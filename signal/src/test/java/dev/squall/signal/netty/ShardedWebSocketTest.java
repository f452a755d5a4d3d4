package dev.squall.signal.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.squall.signal.SignalingConfig;
import dev.squall.signal.client.SignalingClient;
import dev.squall.signal.message.IceCandidate;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.PeerInfo;
import dev.squall.signal.message.RelayedCandidate;
import dev.squall.signal.message.RelayedMessage;
import dev.squall.signal.message.RelayedOffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real WebSockets against a hub sharded over the server's two I/O loops: connections land on either
 * loop, rooms on the loop their name hashes to.
 */
@Timeout(60)
class ShardedWebSocketTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private TestServer server;
  private final List<SignalingClient> clients = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (SignalingClient c : clients) {
      c.closeAsync().get(10, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
  }

  private SignalingClient connect(Recorder r) throws Exception {
    SignalingClient c =
        SignalingClient.builder(server.uri()).listener(r).connect().get(10, TimeUnit.SECONDS);
    clients.add(c);
    return c;
  }

  private String roomOn(int shard, String prefix) {
    for (int i = 0; ; i++) {
      if (server.hub.shardOf(prefix + i) == shard) {
        return prefix + i;
      }
    }
  }

  @Test
  void roomsOnBothLoopsRelayAndStayApart() throws Exception {
    server = TestServer.sharded(SignalingConfig.defaults());
    assertThat(server.hub.shardCount()).isEqualTo(2);
    String[] rooms = {roomOn(0, "left"), roomOn(1, "right")};
    Recorder[] rec = new Recorder[6];
    SignalingClient[] c = new SignalingClient[6];
    Joined[] j = new Joined[6];
    for (int i = 0; i < 6; i++) { // consecutive connections alternate between the loops
      rec[i] = new Recorder();
      c[i] = connect(rec[i]);
      j[i] = c[i].join(rooms[i % 2], "p" + i, null).get(10, TimeUnit.SECONDS);
    }
    // room 0: 0, 2, 4; room 1: 1, 3, 5
    assertThat(j[4].peers())
        .containsExactly(new PeerInfo(j[0].id(), "p0"), new PeerInfo(j[2].id(), "p2"));
    c[0].offer(j[2].id(), "v=0 left");
    c[1].offer(j[3].id(), "v=0 right");
    IceCandidate cand = new IceCandidate("candidate:1 1 udp 1 127.0.0.1 9 typ host", "0", 0, null);
    c[5].candidate(j[1].id(), cand);
    await().until(() -> rec[2].relayed.contains(new RelayedOffer(j[0].id(), "v=0 left")));
    await().until(() -> rec[3].relayed.contains(new RelayedOffer(j[1].id(), "v=0 right")));
    await().until(() -> rec[1].relayed.contains(new RelayedCandidate(j[5].id(), cand)));

    // across rooms: unknown-peer, and a broadcast stays in its room
    c[0].offer(j[1].id(), "v=0 stray");
    c[0].message(null, JSON.textNode("hello room"));
    await().until(() -> rec[0].errors.stream().anyMatch(e -> e.code().equals("unknown-peer")));
    await()
        .until(
            () ->
                rec[2].relayed.contains(
                    new RelayedMessage(j[0].id(), JSON.textNode("hello room"))));
    await()
        .until(
            () ->
                rec[4].relayed.contains(
                    new RelayedMessage(j[0].id(), JSON.textNode("hello room"))));
    assertThat(c[1].ping().get(10, TimeUnit.SECONDS)).isPositive();
    for (int i : new int[] {1, 3, 5}) {
      assertThat(rec[i].relayed).noneMatch(m -> m.from().equals(j[0].id()));
    }
  }

  @Test
  void resumeWorksFromAConnectionOnEitherLoop() throws Exception {
    server = TestServer.sharded(SignalingConfig.defaults());
    String room = roomOn(1, "resume");
    Recorder ra = new Recorder();
    Recorder rb = new Recorder();
    SignalingClient a = connect(ra);
    SignalingClient b = connect(rb);
    Joined ja = a.join(room, "Ada", null).get(10, TimeUnit.SECONDS);
    Joined jb = b.join(room, "Bob", null).get(10, TimeUnit.SECONDS);
    a.abort();
    a.closeFuture().get(10, TimeUnit.SECONDS);
    await().until(() -> server.hub.connectionCount() == 1);
    b.offer(ja.id(), "while away");

    // two new connections in a row land on different loops; each resumes in turn
    Recorder r1 = new Recorder();
    Recorder r2 = new Recorder();
    SignalingClient n1 = connect(r1);
    SignalingClient n2 = connect(r2);
    Joined first = n1.resume(ja.resumeToken()).get(10, TimeUnit.SECONDS);
    assertThat(first.id()).isEqualTo(ja.id());
    await().until(() -> r1.relayed.contains(new RelayedOffer(jb.id(), "while away")));
    Joined second = n2.resume(first.resumeToken()).get(10, TimeUnit.SECONDS);
    assertThat(second.id()).isEqualTo(ja.id());
    assertThat(second.resumed()).isTrue();
    await().until(() -> r1.closeStatus == 4000);
    n2.offer(jb.id(), "from the second");
    await().until(() -> rb.relayed.contains(new RelayedOffer(ja.id(), "from the second")));
  }
}
