package dev.squall.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.squall.net.EventLoopScheduler;
import dev.squall.signal.internal.Ids;
import dev.squall.signal.message.ClientMessage;
import dev.squall.signal.message.ErrorMessage;
import dev.squall.signal.message.Join;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.Leave;
import dev.squall.signal.message.Offer;
import dev.squall.signal.message.PeerJoined;
import dev.squall.signal.message.PeerLeft;
import dev.squall.signal.message.RelayedMessage;
import dev.squall.signal.message.RelayedOffer;
import dev.squall.signal.message.Resume;
import dev.squall.signal.message.ServerMessage;
import dev.squall.signal.message.SignalingCodec;
import dev.squall.signal.message.SignalingException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hub sharded over two real event loops: rooms on different shards, each served on its own
 * loop; barriers keep a connection's events in order across shards; resume finds a session on
 * another shard than the new connection's home.
 */
@Timeout(30)
class SignalingHubShardingTest {

  private final EventLoop[] loops = {new DefaultEventLoop(), new DefaultEventLoop()};
  private final SignalingHub hub =
      new SignalingHub(
          SignalingConfig.defaults(),
          List.of(new EventLoopScheduler(loops[0]), new EventLoopScheduler(loops[1])),
          new SimpleMeterRegistry());

  @AfterEach
  void stop() throws Exception {
    for (EventLoop l : loops) {
      l.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
    }
  }

  /** A room name whose shard is {@code shard}. */
  private String roomOn(int shard, String prefix) {
    for (int i = 0; ; i++) {
      String room = prefix + i;
      if (hub.shardOf(room) == shard) {
        return room;
      }
    }
  }

  /** Reports {@code c}'s events on {@code loops[home]}, as a transport on that loop would. */
  private Conn connect(String name, int home) {
    Conn c = new Conn(name, loops[home]);
    c.loop.execute(() -> hub.connected(c));
    return c;
  }

  private void send(Conn c, ClientMessage... messages) {
    c.loop.execute(
        () -> {
          for (ClientMessage m : messages) {
            hub.received(c, m);
          }
        });
  }

  private void sendJson(Conn c, String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    c.loop.execute(() -> hub.receivedUtf8(c, b, 0, b.length));
  }

  private Joined join(Conn c, String room) {
    send(c, new Join(room, c.name, null));
    return c.next(Joined.class);
  }

  private static org.awaitility.core.ConditionFactory fast() {
    return await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
  }

  private static Thread threadOf(EventLoop loop) {
    try {
      return loop.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void roomsOnDifferentShardsWorkIndependentlyEachOnItsOwnLoop() {
    String r0 = roomOn(0, "zero");
    String r1 = roomOn(1, "one");
    Conn a0 = connect("a0", 1); // homes deliberately on the other loop than the room
    Conn b0 = connect("b0", 0);
    Conn a1 = connect("a1", 0);
    Conn b1 = connect("b1", 1);
    Joined ja0 = join(a0, r0);
    Joined jb0 = join(b0, r0);
    Joined ja1 = join(a1, r1);
    Joined jb1 = join(b1, r1);
    assertThat(Ids.shardOf(ja0.id())).isZero();
    assertThat(Ids.shardOf(jb0.id())).isZero();
    assertThat(Ids.shardOf(ja1.id())).isEqualTo(1);
    assertThat(Ids.shardOf(jb1.id())).isEqualTo(1);
    assertThat(hub.roomCount()).isEqualTo(2);
    assertThat(hub.peerCount()).isEqualTo(4);

    sendJson(a0, "{\"type\":\"offer\",\"to\":\"" + jb0.id() + "\",\"sdp\":\"v=0 zero\"}");
    sendJson(a1, "{\"type\":\"offer\",\"to\":\"" + jb1.id() + "\",\"sdp\":\"v=0 one\"}");
    assertThat(b0.next(RelayedOffer.class)).isEqualTo(new RelayedOffer(ja0.id(), "v=0 zero"));
    assertThat(b1.next(RelayedOffer.class)).isEqualTo(new RelayedOffer(ja1.id(), "v=0 one"));
    // every frame to a member of a room was sent on that room's loop
    Thread t0 = threadOf(loops[0]);
    Thread t1 = threadOf(loops[1]);
    assertThat(b0.senders).containsOnly(t0);
    assertThat(a0.senders).containsOnly(t0);
    assertThat(b1.senders).containsOnly(t1);
    assertThat(a1.senders).containsOnly(t1);
  }

  @Test
  void aMemberOfOneRoomNeverReachesAnother() {
    String r0 = roomOn(0, "a");
    String r1 = roomOn(1, "b");
    Conn a = connect("a", 0);
    Conn b = connect("b", 1);
    Conn other = connect("other", 0);
    join(a, r0);
    Joined jb = join(b, r1);
    Joined jo = join(other, r0);
    a.next(PeerJoined.class);
    sendJson(a, "{\"type\":\"offer\",\"to\":\"" + jb.id() + "\",\"sdp\":\"x\",\"ref\":\"r1\"}");
    send(a, new Offer(jb.id(), "y"));
    sendJson(a, "{\"type\":\"message\",\"data\":\"to my room\"}");
    assertThat(a.next(ErrorMessage.class).code()).isEqualTo("unknown-peer");
    assertThat(a.next(ErrorMessage.class).code()).isEqualTo("unknown-peer");
    assertThat(other.next(RelayedMessage.class).data().textValue()).isEqualTo("to my room");
    // a's three messages have all been handled by now
    assertThat(b.received).noneMatch(m -> m instanceof RelayedOffer || m instanceof RelayedMessage);
    assertThat(jo.peers()).hasSize(1);
  }

  @Test
  void eventsSentRightAfterAJoinWaitForItOnTheRoomsShard() {
    for (int i = 0; i < 20; i++) {
      String room = roomOn(i % 2, "race" + i + "-");
      Conn first = connect("first", 0);
      Joined j = join(first, room);
      Conn late = connect("late", (i / 2) % 2);
      // join, relay and leave back to back: the relay must not overtake the join
      send(late, new Join(room, "late", null), new Offer(j.id(), "sdp " + i), new Leave());
      late.next(Joined.class);
      assertThat(first.next(RelayedOffer.class).sdp()).isEqualTo("sdp " + i);
      fast().until(() -> first.received.stream().anyMatch(m -> m instanceof PeerLeft));
      assertThat(late.received).noneMatch(m -> m instanceof ErrorMessage);
    }
  }

  @Test
  void resumeFromAConnectionHomedOnAnotherLoopThanTheRoom() {
    String room = roomOn(1, "resume");
    Conn a = connect("a", 1);
    Conn b = connect("b", 0);
    Joined ja = join(a, room);
    Joined jb = join(b, room);
    a.loop.execute(() -> hub.disconnected(a));
    fast().until(() -> hub.connectionCount() == 1);
    send(b, new Offer(ja.id(), "while away")); // queued for a, or delivered after the resume

    Conn a2 = connect("a2", 0); // home loop 0, room on shard 1
    send(a2, new Resume(ja.resumeToken()), new Offer(jb.id(), "back"));
    Joined resumed = a2.next(Joined.class);
    assertThat(resumed.resumed()).isTrue();
    assertThat(resumed.id()).isEqualTo(ja.id());
    assertThat(a2.next(RelayedOffer.class)).isEqualTo(new RelayedOffer(jb.id(), "while away"));
    assertThat(b.next(RelayedOffer.class)).isEqualTo(new RelayedOffer(ja.id(), "back"));

    // the fresh token works from the other loop too and takes the session over
    Conn a3 = connect("a3", 1);
    send(a3, new Resume(resumed.resumeToken()));
    assertThat(a3.next(Joined.class).id()).isEqualTo(ja.id());
    fast().until(() -> a2.closeStatus == 4000);
    // a token of a shard that does not exist, or of none, fails cleanly
    Conn x = connect("x", 0);
    send(x, new Resume("_" + resumed.resumeToken().substring(1)), new Resume("!"));
    assertThat(x.next(ErrorMessage.class).code()).isEqualTo("resume-failed");
    assertThat(x.next(ErrorMessage.class).code()).isEqualTo("resume-failed");
  }

  /** A connection that records what the hub sends, from which loop, thread-safely. */
  private static final class Conn implements SignalingConnection {
    private final SignalingCodec codec = new SignalingCodec();
    final String name;
    final EventLoop loop;
    final List<ServerMessage> received = new CopyOnWriteArrayList<>();
    final List<Thread> senders = new CopyOnWriteArrayList<>();
    private int next;
    volatile int closeStatus = -1;

    Conn(String name, EventLoop loop) {
      this.name = name;
      this.loop = loop;
    }

    @Override
    public void send(String json) {
      senders.add(Thread.currentThread());
      try {
        received.add(codec.decodeServer(json));
      } catch (SignalingException e) {
        throw new AssertionError("undecodable: " + json, e);
      }
    }

    @Override
    public CompletableFuture<Void> close(int status, String reason) {
      closeStatus = status;
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public String remoteHost() {
      return name;
    }

    /** The next message of {@code type} after the ones already taken, waiting for it. */
    <T extends ServerMessage> T next(Class<T> type) {
      List<ServerMessage> seen = new ArrayList<>();
      fast()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                for (int i = next; i < received.size(); i++) {
                  if (type.isInstance(received.get(i))) {
                    seen.add(received.get(i));
                    next = i + 1;
                    return true;
                  }
                }
                return false;
              });
      return type.cast(seen.get(0));
    }
  }
}
