package dev.squall.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.squall.signal.message.Answer;
import dev.squall.signal.message.AppMessage;
import dev.squall.signal.message.Candidate;
import dev.squall.signal.message.ErrorMessage;
import dev.squall.signal.message.IceCandidate;
import dev.squall.signal.message.Join;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.Leave;
import dev.squall.signal.message.Offer;
import dev.squall.signal.message.PeerInfo;
import dev.squall.signal.message.PeerJoined;
import dev.squall.signal.message.PeerLeft;
import dev.squall.signal.message.Ping;
import dev.squall.signal.message.Pong;
import dev.squall.signal.message.RelayedAnswer;
import dev.squall.signal.message.RelayedCandidate;
import dev.squall.signal.message.RelayedMessage;
import dev.squall.signal.message.RelayedOffer;
import dev.squall.signal.message.Resume;
import dev.squall.signal.message.ServerMessage;
import dev.squall.signal.message.Shutdown;
import dev.squall.util.VirtualScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SignalingHubTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final VirtualScheduler scheduler = new VirtualScheduler();
  private SimpleMeterRegistry registry;
  private SignalingHub hub = hub(SignalingConfig.defaults());

  private SignalingHub hub(SignalingConfig config) {
    registry = new SimpleMeterRegistry();
    return new SignalingHub(config, scheduler, registry);
  }

  private FakeConnection connect(String name) {
    FakeConnection c = new FakeConnection(name);
    hub.connected(c);
    scheduler.runPending();
    return c;
  }

  private void send(FakeConnection c, dev.squall.signal.message.ClientMessage m) {
    hub.received(c, m);
    scheduler.runPending();
  }

  private Joined join(FakeConnection c, String room, String name) {
    send(c, new Join(room, name, null));
    return c.only(Joined.class);
  }

  private double errors(String code) {
    return registry.get("squall.signal.errors").tag("code", code).counter().count();
  }

  @Test
  void joinListsPeersAndAnnouncesTheNewcomer() {
    FakeConnection a = connect("a");
    FakeConnection b = connect("b");
    Joined ja = join(a, "demo", "  Ada ");
    assertThat(ja.name()).isEqualTo("Ada");
    assertThat(ja.room()).isEqualTo("demo");
    assertThat(ja.peers()).isEmpty();
    assertThat(ja.resumed()).isFalse();
    assertThat(ja.resumeToken()).isNotBlank();
    assertThat(ja.id()).matches("[A-Za-z0-9_-]{1,32}");
    assertThat(ja.iceServers()).containsExactly(IceServer.of("stun:example.org:3478"));

    Joined jb = join(b, "demo", "Bob");
    assertThat(jb.peers()).containsExactly(new PeerInfo(ja.id(), "Ada"));
    assertThat(jb.id()).isNotEqualTo(ja.id());
    assertThat(a.only(PeerJoined.class).peer()).isEqualTo(new PeerInfo(jb.id(), "Bob"));
    assertThat(hub.roomCount()).isEqualTo(1);
    assertThat(hub.peerCount()).isEqualTo(2);
    assertThat(hub.connectionCount()).isEqualTo(2);
    assertThat(registry.get("squall.signal.peers").gauge().value()).isEqualTo(2);
  }

  @Test
  void relaysEachTypeWithFromSetAndToRemoved() {
    FakeConnection a = connect("a");
    FakeConnection b = connect("b");
    String ida = join(a, "demo", "Ada").id();
    String idb = join(b, "demo", "Bob").id();
    a.drain();

    send(b, new Offer(ida, "v=0 offer"));
    assertThat(a.only(RelayedOffer.class)).isEqualTo(new RelayedOffer(idb, "v=0 offer"));
    send(a, new Answer(idb, "v=0 answer"));
    assertThat(b.only(RelayedAnswer.class)).isEqualTo(new RelayedAnswer(ida, "v=0 answer"));
    IceCandidate cand =
        new IceCandidate("candidate:1 1 udp 1 10.0.0.1 5000 typ host", "0", 0, "uf");
    send(b, new Candidate(ida, cand));
    assertThat(a.only(RelayedCandidate.class)).isEqualTo(new RelayedCandidate(idb, cand));
    send(b, new Candidate(ida, null));
    assertThat(a.only(RelayedCandidate.class).candidate()).isNull();
    send(a, new AppMessage(idb, JSON.objectNode().put("k", 1)));
    assertThat(b.only(RelayedMessage.class))
        .isEqualTo(new RelayedMessage(ida, JSON.objectNode().put("k", 1)));
    assertThat(
            registry
                .get("squall.signal.messages.relayed")
                .tag("type", "candidate")
                .counter()
                .count())
        .isEqualTo(2);
  }

  @Test
  void messageWithoutToReachesEveryOtherMember() {
    FakeConnection a = connect("a");
    FakeConnection b = connect("b");
    FakeConnection c = connect("c");
    String ida = join(a, "demo", "Ada").id();
    join(b, "demo", "Bob");
    join(c, "demo", "Cy");
    a.drain();
    b.drain();
    send(a, new AppMessage(null, JSON.textNode("hi")));
    assertThat(b.only(RelayedMessage.class))
        .isEqualTo(new RelayedMessage(ida, JSON.textNode("hi")));
    assertThat(c.only(RelayedMessage.class))
        .isEqualTo(new RelayedMessage(ida, JSON.textNode("hi")));
    assertThat(a.received).isEmpty();
  }

  @Test
  void leaveTellsOthersAndAllowsAnotherJoin() {
    FakeConnection a = connect("a");
    FakeConnection b = connect("b");
    join(a, "demo", "Ada");
    String idb = join(b, "demo", "Bob").id();
    a.drain();
    send(b, new Leave());
    assertThat(a.only(PeerLeft.class)).isEqualTo(new PeerLeft(idb, "left"));
    assertThat(b.received).isEmpty();
    assertThat(b.closed()).isFalse();
    send(b, new Leave());
    b.error("not-joined");
    assertThat(join(b, "other", "Bob").peers()).isEmpty();
    assertThat(hub.roomCount()).isEqualTo(2);
  }

  @Test
  void unknownPeerAndPeersOfOtherRoomsAreUnreachable() {
    FakeConnection a = connect("a");
    FakeConnection b = connect("b");
    join(a, "one", "Ada");
    String idb = join(b, "two", "Bob").id();
    send(a, new Offer(idb, "sdp", JSON.numberNode(7)));
    ErrorMessage e = a.error("unknown-peer");
    assertThat(e.ref()).isEqualTo(JSON.numberNode(7));
    send(a, new Offer("nobody", "sdp"));
    a.error("unknown-peer");
    assertThat(b.received).isEmpty();
    assertThat(errors("unknown-peer")).isEqualTo(2);
  }

  @Test
  void roomFullAtTheLimit() {
    hub = hub(SignalingConfig.defaults().withMaxRoomSize(2));
    join(connect("a"), "demo", "A");
    join(connect("b"), "demo", "B");
    FakeConnection c = connect("c");
    send(c, new Join("demo", "C", null, JSON.textNode("r1")));
    assertThat(c.error("room-full").ref()).isEqualTo(JSON.textNode("r1"));
    assertThat(join(c, "other", "C").room()).isEqualTo("other");
  }

  @Test
  void badRoomAndBadName() {
    FakeConnection a = connect("a");
    for (String room : List.of("", "has space", "x".repeat(65), "ümlaut", "a/b")) {
      send(a, new Join(room, "Ada", null));
      a.error("bad-room");
    }
    for (String name : List.of("", "   ", "x".repeat(65), "bell\u0007", "new\nline")) {
      send(a, new Join("demo", name, null));
      a.error("bad-name");
    }
    assertThat(join(a, "x".repeat(64), "y".repeat(64)).name()).hasSize(64);
  }

  @Test
  void notJoinedAndAlreadyJoined() {
    FakeConnection a = connect("a");
    send(a, new Offer("p", "sdp"));
    a.error("not-joined");
    send(a, new AppMessage(null, JSON.nullNode()));
    a.error("not-joined");
    join(a, "demo", "Ada");
    send(a, new Join("demo", "Ada", null));
    a.error("already-joined");
    send(a, new Resume("whatever"));
    a.error("already-joined");
  }

  @Test
  void pingIsAnsweredWithTheSameId() {
    FakeConnection a = connect("a");
    send(a, new Ping(JSON.objectNode().put("n", 3)));
    assertThat(a.only(Pong.class).id()).isEqualTo(JSON.objectNode().put("n", 3));
    send(a, new Ping(null));
    assertThat(a.only(Pong.class).id()).isNull();
  }

  @Test
  void rateLimitAllowsTheBurstThenRefills() {
    hub = hub(SignalingConfig.defaults().withRateLimit(10, 5));
    FakeConnection a = connect("a");
    for (int i = 0; i < 5; i++) {
      send(a, new Ping(null));
    }
    assertThat(a.drain()).hasSize(5).allMatch(m -> m instanceof Pong);
    send(a, new Ping(null));
    a.error("rate-limited");
    hub.receivedText(a, "not json");
    scheduler.runPending();
    a.error("rate-limited");
    scheduler.advance(Duration.ofMillis(100)); // one token at 10/s
    send(a, new Ping(null));
    a.only(Pong.class);
    send(a, new Ping(null));
    a.error("rate-limited");
    scheduler.advance(Duration.ofSeconds(10)); // refills up to the burst only
    for (int i = 0; i < 6; i++) {
      send(a, new Ping(null));
    }
    List<ServerMessage> out = a.drain();
    assertThat(out.subList(0, 5)).allMatch(m -> m instanceof Pong);
    assertThat(out.get(5)).isInstanceOf(ErrorMessage.class);
  }

  @Test
  void serverBusyAtTheConnectionLimit() {
    hub = hub(SignalingConfig.defaults().withMaxConnections(1));
    FakeConnection a = connect("a");
    FakeConnection b = connect("b");
    b.error("server-busy");
    assertThat(b.closeStatus).isEqualTo(1013);
    assertThat(a.closed()).isFalse();
    hub.disconnected(a);
    scheduler.runPending();
    FakeConnection c = connect("c");
    assertThat(c.closed()).isFalse();
    assertThat(hub.connectionCount()).isEqualTo(1);
  }

  @Test
  void shutdownTellsEveryoneAndClosesWith1001() {
    FakeConnection a = connect("a");
    FakeConnection b = connect("b");
    join(a, "demo", "Ada");
    CompletableFuture<Void> done = hub.shutdown("maintenance");
    scheduler.runPending();
    assertThat(done).isCompleted();
    assertThat(a.drain()).last().isEqualTo(new Shutdown("maintenance"));
    assertThat(b.only(Shutdown.class).reason()).isEqualTo("maintenance");
    assertThat(a.closeStatus).isEqualTo(1001);
    assertThat(b.closeStatus).isEqualTo(1001);
    assertThat(hub.connectionCount()).isZero();
    assertThat(hub.roomCount()).isZero();
    FakeConnection late = connect("late");
    assertThat(late.only(Shutdown.class)).isNotNull();
    assertThat(late.closeStatus).isEqualTo(1001);
  }

  @Test
  void invalidInputGetsAnErrorAndTheConnectionStaysUsable() {
    FakeConnection a = connect("a");
    hub.receivedText(a, "{");
    hub.receivedText(a, "[1,2]");
    hub.receivedText(a, "{\"type\":\"fly\",\"ref\":\"x\"}");
    hub.receivedText(a, "{\"type\":\"offer\",\"to\":1,\"sdp\":\"s\",\"ref\":2}");
    scheduler.runPending();
    List<ServerMessage> out = a.drain();
    assertThat(out)
        .extracting(m -> ((ErrorMessage) m).code())
        .containsExactly("bad-json", "bad-json", "unknown-type", "bad-message");
    assertThat(((ErrorMessage) out.get(2)).ref()).isEqualTo(JSON.textNode("x"));
    assertThat(((ErrorMessage) out.get(3)).ref()).isEqualTo(JSON.numberNode(2));
    assertThat(join(a, "demo", "Ada")).isNotNull();
  }
}
