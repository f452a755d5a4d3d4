package dev.squall.bench.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.squall.net.DatagramHandler;
import dev.squall.net.DatagramTransport;
import dev.squall.util.Scheduler;
import dev.squall.util.VirtualScheduler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkEmulatorTest {
  private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 9);

  private final VirtualScheduler scheduler = new VirtualScheduler();
  private final Recorder inner = new Recorder(scheduler);

  @Test
  void delaysEveryDatagramByTheOneWayDelayInOrder() {
    LinkEmulator link = new LinkEmulator(inner, Duration.ofMillis(10), 0, 1, 1 << 20);
    link.send(PEER, new byte[] {1});
    scheduler.advance(Duration.ofMillis(4));
    link.send(PEER, new byte[] {2});
    scheduler.advance(Duration.ofMillis(5)); // t = 9 ms: nothing due yet
    assertThat(inner.sent).isEmpty();
    scheduler.advance(Duration.ofMillis(1)); // t = 10 ms: the first
    assertThat(inner.sent).hasSize(1);
    assertThat(inner.sentAt).containsExactly(10_000_000L);
    scheduler.advance(Duration.ofMillis(4)); // t = 14 ms: the second
    assertThat(inner.sent).extracting(b -> b[0]).containsExactly((byte) 1, (byte) 2);
    assertThat(inner.sentAt).containsExactly(10_000_000L, 14_000_000L);
  }

  @Test
  void copiesTheCallersArray() {
    LinkEmulator link = new LinkEmulator(inner, Duration.ofMillis(1), 0, 1, 1 << 20);
    byte[] data = {5};
    link.send(PEER, data);
    data[0] = 6;
    scheduler.advance(Duration.ofMillis(1));
    assertThat(inner.sent.get(0)[0]).isEqualTo((byte) 5);
  }

  @Test
  void sendsTheBuffersRemainingBytesAndLeavesItsPosition() {
    LinkEmulator link = new LinkEmulator(inner, Duration.ofMillis(1), 0, 1, 1 << 20);
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
    buffer.position(1).limit(3);
    link.send(PEER, buffer);
    buffer.put(1, (byte) 9);
    scheduler.advance(Duration.ofMillis(1));
    assertThat(inner.sent.get(0)).containsExactly(2, 3);
    assertThat(buffer.position()).isEqualTo(1);
  }

  @Test
  void dropsAboutTheConfiguredShareRepeatablyForASeed() {
    LinkEmulator link = new LinkEmulator(inner, Duration.ZERO, 0.01, 42, 1 << 20);
    for (int i = 0; i < 100_000; i++) {
      link.send(PEER, new byte[1]);
    }
    assertThat(link.sent()).isEqualTo(100_000);
    assertThat(link.lost() / 100_000.0).isCloseTo(0.01, within(0.002));
    assertThat(inner.sent).hasSize((int) (100_000 - link.lost()));

    Recorder again = new Recorder(scheduler);
    LinkEmulator same = new LinkEmulator(again, Duration.ZERO, 0.01, 42, 1 << 20);
    for (int i = 0; i < 100_000; i++) {
      same.send(PEER, new byte[1]);
    }
    assertThat(same.lost()).isEqualTo(link.lost());
  }

  @Test
  void dropsWhatDoesNotFitTheQueue() {
    LinkEmulator link = new LinkEmulator(inner, Duration.ofMillis(5), 0, 1, 250);
    for (int i = 0; i < 3; i++) {
      link.send(PEER, new byte[100]);
    }
    assertThat(link.overflowed()).isEqualTo(1);
    scheduler.advance(Duration.ofMillis(5));
    assertThat(inner.sent).hasSize(2);
    link.send(PEER, new byte[100]); // room again
    scheduler.advance(Duration.ofMillis(5));
    assertThat(inner.sent).hasSize(3);
  }

  @Test
  void nothingIsSentAfterClose() {
    LinkEmulator link = new LinkEmulator(inner, Duration.ofMillis(5), 0, 1, 1 << 20);
    link.send(PEER, new byte[1]);
    link.close();
    scheduler.advance(Duration.ofMillis(10));
    assertThat(inner.sent).isEmpty();
    assertThat(link.isClosed()).isTrue();
  }

  /** Records what the emulator passes on, and when. */
  private static final class Recorder implements DatagramTransport {
    final List<byte[]> sent = new ArrayList<>();
    final List<Long> sentAt = new ArrayList<>();
    private final VirtualScheduler scheduler;
    private boolean closed;

    Recorder(VirtualScheduler scheduler) {
      this.scheduler = scheduler;
    }

    @Override
    public void send(InetSocketAddress to, byte[] data) {
      if (!closed) {
        sent.add(data);
        sentAt.add(scheduler.nanoTime());
      }
    }

    @Override
    public void onReceive(DatagramHandler handler) {}

    @Override
    public void onClose(Runnable listener) {}

    @Override
    public InetSocketAddress localAddress() {
      return PEER;
    }

    @Override
    public Scheduler scheduler() {
      return scheduler;
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
