package dev.squall.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link OutboundBatch} on an {@link EmbeddedChannel}: what is written, when it is flushed. */
class OutboundBatchTest {

  private static final InetSocketAddress X = new InetSocketAddress("127.0.0.1", 1000);
  private static final InetSocketAddress Y = new InetSocketAddress("127.0.0.1", 2000);

  private final EmbeddedChannel channel = new EmbeddedChannel();
  private final long[] outcome = new long[2]; // sent, dropped
  private final List<Object> released = new ArrayList<>();
  private final java.util.ArrayDeque<Runnable> loopTasks = new java.util.ArrayDeque<>();

  private OutboundBatch batch(boolean segmentation) {
    return new OutboundBatch(
        channel,
        loopTasks::add,
        segmentation,
        new OutboundBatch.Outcome() {
          @Override
          public void sent(int datagrams) {
            outcome[0] += datagrams;
          }

          @Override
          public void dropped(int datagrams) {
            outcome[1] += datagrams;
          }
        });
  }

  @AfterEach
  void release() {
    released.forEach(ReferenceCountUtil::release);
    channel.finishAndReleaseAll();
  }

  private static byte[] datagram(int size, int mark) {
    byte[] d = new byte[size];
    d[0] = (byte) mark;
    d[size - 1] = (byte) mark;
    return d;
  }

  /** Runs what the batch queued on its loop, as the end of an event-loop turn would. */
  private void endTurn() {
    Runnable task;
    while ((task = loopTasks.poll()) != null) {
      task.run();
    }
  }

  /** The datagrams written so far, as the receiver would see them: segmented sends split. */
  private List<String> written() {
    List<String> out = new ArrayList<>();
    Object m;
    while ((m = channel.readOutbound()) != null) {
      released.add(m);
      DatagramPacket p = (DatagramPacket) m;
      ByteBuf content = p.content().duplicate();
      String kind = p instanceof SegmentedDatagramPacket s ? "seg" + s.segmentSize() : "one";
      while (content.isReadable()) {
        int n =
            p instanceof SegmentedDatagramPacket s
                ? Math.min(s.segmentSize(), content.readableBytes())
                : content.readableBytes();
        ByteBuf d = content.readSlice(n);
        out.add(
            kind
                + ":"
                + p.recipient().getPort()
                + ":"
                + n
                + ":"
                + d.getByte(0)
                + "/"
                + d.getByte(n - 1));
      }
    }
    return out;
  }

  @Test
  void equalDatagramsToOneAddressBecomeOneSegmentedSendEndedByAShorterOne() {
    OutboundBatch b = batch(true);
    for (int i = 0; i < 5; i++) {
      b.add(X, datagram(100, i), 0, 100);
    }
    b.add(X, datagram(40, 9), 0, 40);
    b.add(X, datagram(100, 10), 0, 100);
    assertThat(written()).as("nothing is flushed before the loop turn ends").isEmpty();
    endTurn();
    assertThat(written())
        .containsExactly(
            "seg100:1000:100:0/0",
            "seg100:1000:100:1/1",
            "seg100:1000:100:2/2",
            "seg100:1000:100:3/3",
            "seg100:1000:100:4/4",
            "seg100:1000:40:9/9",
            "one:1000:100:10/10");
    assertThat(b.segmentedSends()).isEqualTo(1);
    assertThat(outcome).containsExactly(7, 0);
  }

  @Test
  void anotherAddressALargerDatagramOrAnOversizeOneEndTheRunAndKeepTheOrder() {
    OutboundBatch b = batch(true);
    b.add(X, datagram(100, 1), 0, 100);
    b.add(X, datagram(100, 2), 0, 100);
    b.add(Y, datagram(100, 3), 0, 100);
    b.add(Y, datagram(200, 4), 0, 200);
    b.add(Y, ByteBuffer.wrap(datagram(200, 5)));
    b.add(Y, datagram(2000, 6), 0, 2000); // above MAX_SEGMENT_SIZE: alone
    b.add(Y, datagram(200, 7), 0, 200);
    endTurn();
    assertThat(written())
        .containsExactly(
            "seg100:1000:100:1/1",
            "seg100:1000:100:2/2",
            "one:2000:100:3/3",
            "seg200:2000:200:4/4",
            "seg200:2000:200:5/5",
            "one:2000:2000:6/6",
            "one:2000:200:7/7");
  }

  @Test
  void aRunHoldsAtMostMaxSegmentsAndMaxSegmentedBytes() {
    OutboundBatch b = batch(true);
    for (int i = 0; i < 100; i++) {
      b.add(X, datagram(10, i), 0, 10);
    }
    for (int i = 0; i < 60; i++) {
      b.add(Y, datagram(1200, i), 0, 1200);
    }
    endTurn();
    List<Integer> segmentsPerSend = new ArrayList<>();
    Object m;
    while ((m = channel.readOutbound()) != null) {
      released.add(m);
      DatagramPacket p = (DatagramPacket) m;
      int size = p instanceof SegmentedDatagramPacket s ? s.segmentSize() : 0;
      segmentsPerSend.add(size == 0 ? 1 : p.content().readableBytes() / size);
      assertThat(p.content().readableBytes())
          .isLessThanOrEqualTo(OutboundBatch.MAX_SEGMENTED_BYTES);
    }
    // 100 x 10 B: 64 + 36; 60 x 1,200 B: 54 (65,000 / 1,200) + 6
    assertThat(segmentsPerSend).containsExactly(64, 36, 54, 6);
  }

  @Test
  void aBatchIsFlushedEarlyOnceFlushBytesWait() {
    OutboundBatch b = batch(false);
    int size = 1000;
    int count = OutboundBatch.FLUSH_BYTES / size + 10;
    for (int i = 0; i < count; i++) {
      b.add(X, datagram(size, i), 0, size);
    }
    List<String> early = written();
    assertThat(early).hasSize(OutboundBatch.FLUSH_BYTES / size + 1); // flushed at the threshold
    assertThat(early).allMatch(s -> s.startsWith("one:"));
    endTurn();
    assertThat(written()).hasSize(count - early.size());
    assertThat(outcome).containsExactly(count, 0);
  }

  @Test
  void withoutSegmentationEveryDatagramIsWrittenAloneAndFlushedOnce() {
    OutboundBatch b = batch(false);
    for (int i = 0; i < 3; i++) {
      b.add(X, datagram(100, i), 0, 100);
    }
    assertThat(written()).isEmpty();
    endTurn();
    assertThat(written())
        .containsExactly("one:1000:100:0/0", "one:1000:100:1/1", "one:1000:100:2/2");
    // a later turn queues its own flush
    b.add(X, datagram(100, 3), 0, 100);
    endTurn();
    assertThat(written()).containsExactly("one:1000:100:3/3");
  }

  @Test
  void aRefusedSegmentedSendIsSentAgainDatagramByDatagramAndSegmentationStops() {
    // the kernel's answer to a segmented send it cannot do (no GSO on the route, MTU too small)
    channel
        .pipeline()
        .addFirst(
            new ChannelOutboundHandlerAdapter() {
              @Override
              public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof SegmentedDatagramPacket) {
                  ReferenceCountUtil.release(msg);
                  promise.setFailure(new IOException("sendmmsg(..) failed: Invalid argument"));
                } else {
                  ctx.write(msg, promise);
                }
              }
            });
    OutboundBatch b = batch(true);
    for (int i = 0; i < 4; i++) {
      b.add(X, datagram(300, i), 0, 300);
    }
    b.add(X, datagram(20, 4), 0, 20);
    endTurn(); // the flush fails the segmented send; its resend is a task of the same turn
    assertThat(b.segmenting()).isFalse();
    assertThat(written())
        .containsExactly(
            "one:1000:300:0/0",
            "one:1000:300:1/1",
            "one:1000:300:2/2",
            "one:1000:300:3/3",
            "one:1000:20:4/4");
    assertThat(outcome).containsExactly(5, 0);
    // later runs are not segmented any more
    b.add(X, datagram(300, 5), 0, 300);
    b.add(X, datagram(300, 6), 0, 300);
    endTurn();
    assertThat(written()).containsExactly("one:1000:300:5/5", "one:1000:300:6/6");
    assertThat(b.segmentedSends()).isEqualTo(1);
  }

  @Test
  void writesToAClosedChannelAreCountedAsDroppedAndReleased() {
    OutboundBatch b = batch(true);
    byte[] d = datagram(100, 1);
    b.add(X, d, 0, 100);
    b.add(X, d, 0, 100);
    b.add(Y, d, 0, 100);
    channel.close();
    endTurn();
    assertThat(outcome).containsExactly(0, 3);
  }
}
