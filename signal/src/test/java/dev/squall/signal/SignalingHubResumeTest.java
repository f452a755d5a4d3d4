package dev.squall.signal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.squall.signal.message.AppMessage;
import dev.squall.signal.message.ClientMessage;
import dev.squall.signal.message.Join;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.Offer;
import dev.squall.signal.message.PeerInfo;
import dev.squall.signal.message.PeerJoined;
import dev.squall.signal.message.PeerLeft;
import dev.squall.signal.message.RelayedMessage;
import dev.squall.signal.message.RelayedOffer;
import dev.squall.signal.message.Resume;
import dev.squall.signal.message.ServerMessage;
import dev.squall.util.VirtualScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalingHubResumeTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final VirtualScheduler scheduler = new VirtualScheduler();
  private SignalingHub hub =
      new SignalingHub(
          SignalingConfig.defaults().withResumeGrace(Duration.ofSeconds(30)).withResumeQueue(3),
          scheduler,
          new SimpleMeterRegistry());

  private FakeConnection connect(String name) {
    FakeConnection c = new FakeConnection(name);
    hub.connected(c);
    scheduler.runPending();
    return c;
  }

  private void send(FakeConnection c, ClientMessage m) {
    hub.received(c, m);
    scheduler.runPending();
  }

  private Joined join(FakeConnection c, String room, String name) {
    send(c, new Join(room, name, null));
    return c.only(Joined.class);
  }

  private void drop(FakeConnection c) {
    hub.disconnected(c);
    scheduler.runPending();
  }

  @Test
  void resumeWithinGraceKeepsTheIdAndDeliversQueuedMessagesInOrder() {
    FakeConnection a = connect("a");
    FakeConnection b = connect("b");
    Joined ja = join(a, "demo", "Ada");
    String idb = join(b, "demo", "Bob").id();
    a.drain();

    drop(a);
    assertThat(b.received).isEmpty(); // nobody is told during the grace period
    send(b, new Offer(ja.id(), "sdp-1"));
    send(b, new AppMessage(ja.id(), JSON.numberNode(2)));
    assertThat(b.received).isEmpty();
    scheduler.advance(Duration.ofSeconds(29));

    FakeConnection a2 = connect("a2");
    send(a2, new Resume(ja.resumeToken()));
    List<ServerMessage> out = a2.drain();
    assertThat(out).hasSize(3);
    Joined resumed = (Joined) out.get(0);
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.id()).isEqualTo(ja.id());
    assertThat(resumed.room()).isEqualTo("demo");
    assertThat(resumed.resumeToken()).isNotEqualTo(ja.resumeToken());
    assertThat(resumed.peers()).containsExactly(new PeerInfo(idb, "Bob"));
    assertThat(out.get(1)).isEqualTo(new RelayedOffer(idb, "sdp-1"));
    assertThat(out.get(2)).isEqualTo(new RelayedMessage(idb, JSON.numberNode(2)));

    scheduler.advance(Duration.ofMinutes(5)); // the old grace timer no longer fires
    assertThat(b.received).isEmpty();
    send(b, new Offer(ja.id(), "live"));
    assertThat(a2.only(RelayedOffer.class).sdp()).isEqualTo("live");

    FakeConnection a3 = connect("a3");
    send(a3, new Resume(ja.resumeToken())); // the old token is spent
    a3.error("resume-failed");
  }

  @Test
  void graceExpiryEndsTheSessionWithTimeout() {
    FakeConnection a = connect("a");
    FakeConnection b = connect("b");
    Joined ja = join(a, "demo", "Ada");
    join(b, "demo", "Bob");
    a.drain();
    drop(a);
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(b.only(PeerLeft.class)).isEqualTo(new PeerLeft(ja.id(), "timeout"));
    assertThat(hub.peerCount()).isEqualTo(1);
    FakeConnection a2 = connect("a2");
    send(a2, new Resume(ja.resumeToken()));
    a2.error("resume-failed");
    send(b, new Offer(ja.id(), "sdp"));
    b.error("unknown-peer");
  }

  @Test
  void queueOverflowEndsTheSession() {
    FakeConnection a = connect("a");
    FakeConnection b = connect("b");
    Joined ja = join(a, "demo", "Ada");
    join(b, "demo", "Bob");
    drop(a);
    for (int i = 0; i < 3; i++) {
      send(b, new Offer(ja.id(), "sdp-" + i));
    }
    assertThat(b.received).isEmpty();
    send(b, new Offer(ja.id(), "one too many"));
    assertThat(b.only(PeerLeft.class)).isEqualTo(new PeerLeft(ja.id(), "timeout"));
    FakeConnection a2 = connect("a2");
    send(a2, new Resume(ja.resumeToken()));
    a2.error("resume-failed");
  }

  @Test
  void presenceChangesDuringTheGraceAreQueuedToo() {
    FakeConnection a = connect("a");
    Joined ja = join(a, "demo", "Ada");
    drop(a);
    FakeConnection c = connect("c");
    Joined jc = join(c, "demo", "Cy");
    assertThat(jc.peers()).containsExactly(new PeerInfo(ja.id(), "Ada"));
    FakeConnection a2 = connect("a2");
    send(a2, new Resume(ja.resumeToken()));
    List<ServerMessage> out = a2.drain();
    assertThat(((Joined) out.get(0)).peers()).containsExactly(new PeerInfo(jc.id(), "Cy"));
    assertThat(out.get(1)).isEqualTo(new PeerJoined(new PeerInfo(jc.id(), "Cy")));
  }

  @Test
  void withoutGraceADropEndsTheSessionAsDisconnected() {
    hub =
        new SignalingHub(
            SignalingConfig.defaults().withResumeGrace(Duration.ZERO),
            scheduler,
            new SimpleMeterRegistry());
    FakeConnection a = connect("a");
    FakeConnection b = connect("b");
    Joined ja = join(a, "demo", "Ada");
    join(b, "demo", "Bob");
    drop(a);
    assertThat(b.only(PeerLeft.class)).isEqualTo(new PeerLeft(ja.id(), "disconnected"));
    assertThat(hub.roomCount()).isEqualTo(1);
    drop(b);
    assertThat(hub.roomCount()).isZero();
  }

  @Test
  void resumeTakesOverASessionWhoseOldConnectionIsStillOpen() {
    FakeConnection a = connect("a");
    Joined ja = join(a, "demo", "Ada");
    FakeConnection a2 = connect("a2");
    send(a2, new Resume(ja.resumeToken()));
    assertThat(a2.only(Joined.class).id()).isEqualTo(ja.id());
    assertThat(a.closeStatus).isEqualTo(4000);
    drop(a); // the old connection's close does not end the resumed session
    assertThat(hub.peerCount()).isEqualTo(1);
    scheduler.advance(Duration.ofMinutes(1));
    assertThat(hub.peerCount()).isEqualTo(1);
  }
}
