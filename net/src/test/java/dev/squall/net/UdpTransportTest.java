package dev.squall.net;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UdpTransportTest {

  private static final InetSocketAddress ANY_LOOPBACK =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  private static EventLoopGroup group;

  @BeforeAll
  static void start() {
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  }

  @AfterAll
  static void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static UdpTransport bind() throws Exception {
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
    // the port is free again
    try (UdpTransport again = UdpTransport.bind(group, address).get(5, TimeUnit.SECONDS)) {
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
}
