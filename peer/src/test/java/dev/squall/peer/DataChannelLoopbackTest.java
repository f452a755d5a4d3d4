package dev.squall.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelMessage;
import dev.squall.datachannel.DataChannelState;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DataChannels between two Java peers over real UDP on 127.0.0.1: SCTP over DTLS over ICE, on NIO
 * event loops ({@link EpollDataChannelLoopbackTest}: the same on native epoll).
 */
class DataChannelLoopbackTest {

  private static final int TOTAL = 10 * 1024 * 1024;
  private static final int CHUNK = 64 * 1024;

  private final EventLoopGroup group = newGroup();

  /** The event loops both peers run on. */
  EventLoopGroup newGroup() {
    return new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
  }

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void channelsBothWaysMessagesBulkTransferAndClose() throws Exception {
    List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
    PeerConfiguration config = PeerConfiguration.defaults();
    try (PeerConnection alice =
            UdpPeerConnections.create(group.next(), config, loopback).get(10, TimeUnit.SECONDS);
        PeerConnection bob =
            UdpPeerConnections.create(group.next(), config, loopback).get(10, TimeUnit.SECONDS)) {
      LinkedBlockingQueue<DataChannel> atAlice = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<DataChannel> atBob = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<DataChannelMessage> aliceGot = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<DataChannelMessage> bobGot = new LinkedBlockingQueue<>();
      alice.onDataChannel(
          ch -> {
            ch.onMessage(aliceGot::add);
            atAlice.add(ch);
          });
      bob.onDataChannel(
          ch -> {
            ch.onMessage(bobGot::add);
            atBob.add(ch);
          });
      DataChannel fromAlice = alice.createDataChannel("from-alice");
      CountDownLatch aliceOpen = new CountDownLatch(1);
      fromAlice.onOpen(aliceOpen::countDown);
      LoopbackSignalling.connect(alice, bob).get(10, TimeUnit.SECONDS);
      DataChannel fromBob = bob.createDataChannel("from-bob");
      CountDownLatch bobOpen = new CountDownLatch(1);
      fromBob.onOpen(bobOpen::countDown);

      assertThat(aliceOpen.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(bobOpen.await(10, TimeUnit.SECONDS)).isTrue();
      DataChannel bobSide = atBob.poll(10, TimeUnit.SECONDS);
      DataChannel aliceSide = atAlice.poll(10, TimeUnit.SECONDS);
      assertThat(bobSide.label()).isEqualTo("from-alice");
      assertThat(aliceSide.label()).isEqualTo("from-bob");
      assertThat(fromAlice.id() % 2)
          .as("alice offered, so bob (answerer, active) is the DTLS client with even ids")
          .isEqualTo(1);
      assertThat(fromBob.id() % 2).isZero();

      fromAlice.send("hello bob");
      fromAlice.send(new byte[] {1, 2, 3});
      fromBob.send("hello alice");
      fromBob.send(new byte[] {4, 5});
      assertThat(bobGot.poll(5, TimeUnit.SECONDS).asText()).isEqualTo("hello bob");
      DataChannelMessage binary = bobGot.poll(5, TimeUnit.SECONDS);
      assertThat(binary.text()).isFalse();
      assertThat(binary.data()).containsExactly(1, 2, 3);
      assertThat(aliceGot.poll(5, TimeUnit.SECONDS).asText()).isEqualTo("hello alice");
      assertThat(aliceGot.poll(5, TimeUnit.SECONDS).data()).containsExactly(4, 5);

      // a listener stuck on bob's callback thread does not stall bob's protocol loop: his SCTP
      // keeps acknowledging, so alice's buffer drains while the callback is still blocked
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch blocked = new CountDownLatch(1);
      bobSide.onMessage(
          m -> {
            if (m.text() && m.asText().equals("block")) {
              blocked.countDown();
              awaitQuietly(release);
            }
          });
      fromAlice.send("block");
      assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
      fromAlice.send(new byte[200_000]);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> fromAlice.bufferedAmount() == 0 && release.getCount() == 1);
      release.countDown();
      assertThat(bobGot.poll(5, TimeUnit.SECONDS).asText()).isEqualTo("block");
      assertThat(bobGot.poll(5, TimeUnit.SECONDS).data()).hasSize(200_000);

      bulk(fromAlice, bobSide);

      CountDownLatch closed = new CountDownLatch(2);
      fromAlice.onClose(closed::countDown);
      bobSide.onClose(closed::countDown);
      fromAlice.close();
      assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(fromAlice.readyState()).isEqualTo(DataChannelState.CLOSED);
      assertThat(bobSide.readyState()).isEqualTo(DataChannelState.CLOSED);
      assertThat(fromBob.readyState())
          .as("other channels stay open")
          .isEqualTo(DataChannelState.OPEN);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** 10 MB in 64 KiB messages with backpressure; SHA-256 compared at both ends. */
  private static void bulk(DataChannel from, DataChannel to) throws Exception {
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    long[] count = {0};
    CompletableFuture<String> done = new CompletableFuture<>();
    to.onMessage(
        m -> {
          if (m.text()) {
            return; // the earlier text message, already consumed
          }
          received.update(m.data());
          count[0] += m.data().length;
          if (count[0] == TOTAL) {
            done.complete(HexFormat.of().formatHex(received.digest()));
          }
        });
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    Random random = new Random(7);
    Semaphore low = new Semaphore(0);
    from.setBufferedAmountLowThreshold(256 * 1024);
    from.onBufferedAmountLow(low::release);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (int offset = 0; offset < TOTAL; offset += CHUNK) {
      while (from.bufferedAmount() > 1024 * 1024) {
        low.tryAcquire(20, TimeUnit.MILLISECONDS);
        assertThat(System.nanoTime()).as("sender stalled").isLessThan(deadline);
      }
      byte[] chunk = new byte[CHUNK];
      random.nextBytes(chunk);
      sent.update(chunk);
      from.send(chunk);
    }
    String expected = HexFormat.of().formatHex(sent.digest());
    assertThat(done.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
  }
}
