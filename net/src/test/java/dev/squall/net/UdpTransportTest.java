package dev.squall.net;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@link UdpTransport} contract on NIO; {@link EpollUdpTransportTest} runs the same tests on
 * native epoll.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UdpTransportTest {

  static final InetSocketAddress ANY_LOOPBACK =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  EventLoopGroup group;

  /** The event loops the tests of this class run on. */
  EventLoopGroup newGroup() {
    return new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  }

  @BeforeAll
  void start() {
    group = newGroup();
  }

  @AfterAll
  void stop() {
    if (group == null) {
      return;
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  UdpTransport bind() throws Exception {
    return UdpTransport.bind(group, ANY_LOOPBACK).get(5, TimeUnit.SECONDS);
  }

  @Test
  void aBurstWaitingInTheSocketIsReadInOneGoBeforeQueuedTasksRun() throws Exception {
    try (UdpTransport sender = bind();
        UdpTransport receiver = bind()) {
      int burst = UdpTransport.DATAGRAMS_PER_READ;
      CountDownLatch sent = new CountDownLatch(burst);
      for (int i = 0; i < burst; i++) {
        byte[] datagram = {(byte) i};
        sender
            .scheduler()
            .execute(
                () -> {
                  sender.send(receiver.localAddress(), datagram);
                  sent.countDown();
                });
      }
      assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
      await().atMost(Duration.ofSeconds(5)).until(() -> sender.datagramsSent() == burst);
      // nothing is read before the handler is set: the whole burst waits in the kernel buffer
      List<Integer> deliveredWhenTaskRan = new CopyOnWriteArrayList<>();
      int[] delivered = {0};
      CountDownLatch all = new CountDownLatch(burst);
      receiver.onReceive(
          (from, data) -> {
            if (delivered[0]++ == 0) {
              receiver.scheduler().execute(() -> deliveredWhenTaskRan.add(delivered[0]));
            }
            all.countDown();
          });
      assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
      await().atMost(Duration.ofSeconds(5)).until(() -> !deliveredWhenTaskRan.isEmpty());
      assertThat(deliveredWhenTaskRan.get(0))
          .as("a task queued while the first datagram was handled runs after the whole burst")
          .isEqualTo(burst);
    }
  }

  @Test
  void bindsAnEphemeralPortAndExchangesDatagramsOnTheEventLoop() throws Exception {
    try (UdpTransport a = bind();
        UdpTransport b = bind()) {
      assertThat(a.localAddress().getPort()).isPositive();
      assertThat(a.localAddress()).isNotEqualTo(b.localAddress());
      List<String> atB = new CopyOnWriteArrayList<>();
      CountDownLatch replied = new CountDownLatch(1);
      b.onReceive(
          (from, data) -> {
            atB.add(from.getPort() + ":" + new String(data, StandardCharsets.UTF_8));
            assertThat(b.scheduler().inScheduler()).isTrue();
            b.send(from, ("echo " + new String(data, StandardCharsets.UTF_8)).getBytes());
          });
      List<String> atA = new CopyOnWriteArrayList<>();
      a.onReceive(
          (from, data) -> {
            atA.add(new String(data, StandardCharsets.UTF_8));
            replied.countDown();
          });
      a.send(b.localAddress(), "ping".getBytes(StandardCharsets.UTF_8));
      assertThat(replied.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(atB).containsExactly(a.localAddress().getPort() + ":ping");
      assertThat(atA).containsExactly("echo ping");
      assertThat(a.datagramsSent()).isEqualTo(1);
      assertThat(a.datagramsReceived()).isEqualTo(1);
    }
  }

  @Test
  void sendsByteBufferSlicesAndLargeDatagramsWhole() throws Exception {
    try (UdpTransport a = bind();
        UdpTransport b = bind()) {
      List<byte[]> got = new CopyOnWriteArrayList<>();
      b.onReceive((from, data) -> got.add(data));
      byte[] big = new byte[9000];
      for (int i = 0; i < big.length; i++) {
        big[i] = (byte) i;
      }
      ByteBuffer slice = ByteBuffer.wrap(new byte[] {9, 1, 2, 3, 9});
      slice.position(1).limit(4);
      a.send(b.localAddress(), slice);
      assertThat(slice.position()).isEqualTo(1);
      // sending from a non-loop thread is allowed: the array is copied before send returns
      a.send(b.localAddress(), big);
      big[0] = 42;
      await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 2);
      assertThat(got.get(0)).containsExactly(1, 2, 3);
      assertThat(got.get(1)).hasSize(9000);
      assertThat(got.get(1)[0]).isZero();
      assertThat(got.get(1)[8999]).isEqualTo((byte) 8999);
    }
  }

  @Test
  void closeRunsListenersOnceReleasesThePortAndIgnoresLaterSends() throws Exception {
    UdpTransport a = bind();
    InetSocketAddress address = a.localAddress();
    CountDownLatch closed = new CountDownLatch(2);
    List<Boolean> onLoop = new CopyOnWriteArrayList<>();
    a.onClose(
        () -> {
          onLoop.add(a.scheduler().inScheduler());
          closed.countDown();
        });
    a.close();
    a.close();
    assertThat(a.isClosed()).isTrue();
    a.onClose(closed::countDown); // added after close: still runs
    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(onLoop).containsExactly(true);
    a.send(address, new byte[] {1});
    assertThat(a.datagramsSent()).isZero();
    // the port is free again (NIO releases it once its selector has seen the channel go, which
    // may be just after the close listeners ran)
    UdpTransport again =
        await()
            .atMost(Duration.ofSeconds(5))
            .ignoreExceptionsInstanceOf(java.util.concurrent.ExecutionException.class)
            .until(() -> UdpTransport.bind(group, address).get(5, TimeUnit.SECONDS), t -> true);
    try (again) {
      assertThat(again.localAddress()).isEqualTo(address);
    }
  }

  @Test
  void bindingATakenPortFailsTheFuture() throws Exception {
    try (UdpTransport a = bind()) {
      assertThatThrownBy(() -> UdpTransport.bind(group, a.localAddress()).get(5, TimeUnit.SECONDS))
          .hasRootCauseInstanceOf(java.net.BindException.class);
    }
  }

  @Test
  void handlerCanBeSetOnlyOnceAndDatagramsSentBeforeItAreKept() throws Exception {
    try (UdpTransport a = bind();
        UdpTransport b = bind()) {
      a.send(b.localAddress(), new byte[] {7});
      CountDownLatch got = new CountDownLatch(1);
      // reading starts with the handler: the early datagram waits in the socket buffer
      await().atMost(Duration.ofSeconds(5)).until(() -> a.datagramsSent() == 1);
      b.onReceive((from, data) -> got.countDown());
      assertThat(got.await(5, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> b.onReceive((from, data) -> {}))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aThrowingHandlerIsCountedAndTheSocketKeepsWorking() throws Exception {
    try (UdpTransport a = bind();
        UdpTransport b = bind()) {
      CountDownLatch second = new CountDownLatch(1);
      b.onReceive(
          (from, data) -> {
            if (data[0] == 1) {
              throw new IllegalStateException("boom");
            }
            second.countDown();
          });
      a.send(b.localAddress(), new byte[] {1});
      a.send(b.localAddress(), new byte[] {2});
      assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(b.errors()).isEqualTo(1);
      assertThat(b.isClosed()).isFalse();
    }
  }

  @Test
  void datagramsSentInOneLoopTurnAreFlushedTogetherWhenTheTurnEnds() throws Exception {
    try (UdpTransport a = bind();
        UdpTransport b = bind()) {
      List<Integer> got = new CopyOnWriteArrayList<>();
      b.onReceive((from, data) -> got.add(data[0] & 0xFF));
      CompletableFuture<Long> sentDuringTurn = new CompletableFuture<>();
      a.scheduler()
          .execute(
              () -> {
                for (int i = 0; i < 50; i++) {
                  a.send(b.localAddress(), new byte[] {(byte) i, 1, 2, 3});
                }
                sentDuringTurn.complete(a.datagramsSent());
              });
      // written, not yet flushed while the task that sent them runs
      assertThat(sentDuringTurn.get(5, TimeUnit.SECONDS)).isZero();
      // and nothing strands: the flush at the end of the turn sends them all, in order
      await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 50);
      assertThat(got).isEqualTo(java.util.stream.IntStream.range(0, 50).boxed().toList());
      assertThat(a.datagramsSent()).isEqualTo(50);
      assertThat(a.sendDrops()).isZero();
    }
  }

  @Test
  void datagramsSentJustBeforeCloseStillGoOut() throws Exception {
    try (UdpTransport b = bind()) {
      UdpTransport a = bind();
      List<Integer> got = new CopyOnWriteArrayList<>();
      b.onReceive((from, data) -> got.add(data[0] & 0xFF));
      a.scheduler()
          .execute(
              () -> {
                a.send(b.localAddress(), new byte[] {1});
                a.send(b.localAddress(), new byte[] {2});
                a.close(); // in the same loop turn, before the batch's flush task ran
                a.send(b.localAddress(), new byte[] {3}); // after close: ignored
              });
      UdpTransport c = bind();
      c.send(b.localAddress(), new byte[] {4}); // from this thread, then closed at once
      c.close();
      await().atMost(Duration.ofSeconds(5)).until(() -> got.size() == 3);
      assertThat(got).containsExactlyInAnyOrder(1, 2, 4);
      assertThat(a.datagramsSent()).isEqualTo(2);
    }
  }

  @Test
  void aBurstOfEqualDatagramsArrivesAsSeparateDatagramsInOrder() throws Exception {
    UdpOptions offloads =
        UdpOptions.defaults().withSocketBuffers(1 << 20, 1 << 20).withOffloads(true, true);
    // sender and receiver on different loops: the receiver reads while the burst goes out
    try (UdpTransport a = UdpTransport.bind(group.next(), ANY_LOOPBACK, offloads).get(5, SECONDS);
        UdpTransport b = bindOnAnotherLoop(a, offloads)) {
      // 150 datagrams of 1,200 bytes and a short one, to one address: GSO runs where supported
      int count = 150;
      List<byte[]> got = new CopyOnWriteArrayList<>();
      b.onReceive((from, data) -> got.add(data));
      a.scheduler()
          .execute(
              () -> {
                for (int i = 0; i < count; i++) {
                  byte[] d = new byte[1200];
                  ByteBuffer.wrap(d).putInt(i);
                  d[1199] = (byte) i;
                  a.send(b.localAddress(), d);
                }
                a.send(b.localAddress(), new byte[] {7, 7, 7});
              });
      await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == count + 1);
      for (int i = 0; i < count; i++) {
        assertThat(got.get(i)).hasSize(1200);
        assertThat(ByteBuffer.wrap(got.get(i)).getInt()).isEqualTo(i);
        assertThat(got.get(i)[1199]).isEqualTo((byte) i);
      }
      assertThat(got.get(count)).containsExactly(7, 7, 7);
      assertThat(a.datagramsSent()).isEqualTo(count + 1);
      assertThat(b.datagramsReceived()).isEqualTo(count + 1);
      checkOffloads(a, b);
    }
  }

  /** NIO has no offloads; the epoll subclass checks that they were used. */
  void checkOffloads(UdpTransport sender, UdpTransport receiver) throws Exception {
    assertThat(sender.isEpoll()).isFalse();
    assertThat(sender.segmentationOffload()).isFalse();
    assertThat(receiver.receiveOffload()).isFalse();
    assertThat(onLoop(sender, sender::segmentedSends)).isZero();
  }

  static <T> T onLoop(UdpTransport t, java.util.function.Supplier<T> read) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    t.scheduler().execute(() -> result.complete(read.get()));
    return result.get(5, SECONDS);
  }

  UdpTransport bindOnAnotherLoop(UdpTransport other, UdpOptions options) throws Exception {
    for (int i = 0; i < 8; i++) {
      UdpTransport t = UdpTransport.bind(group.next(), ANY_LOOPBACK, options).get(5, SECONDS);
      if (!t.scheduler().equals(other.scheduler()) && !sameLoop(t, other)) {
        return t;
      }
      t.close();
    }
    throw new IllegalStateException("no second event loop");
  }

  private static boolean sameLoop(UdpTransport a, UdpTransport b) {
    return ((EventLoopScheduler) a.scheduler()).eventLoop()
        == ((EventLoopScheduler) b.scheduler()).eventLoop();
  }
}
