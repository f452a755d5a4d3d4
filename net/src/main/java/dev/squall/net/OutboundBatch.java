package dev.squall.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.unix.SegmentedDatagramPacket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The datagrams a {@link UdpTransport} sends during one event-loop turn, written to the channel as
 * they come and flushed once: by a task that the turn's first datagram queues on the loop, or
 * earlier once {@link #FLUSH_BYTES} are waiting. The native transport then sends the flushed
 * datagrams with one {@code sendmmsg}. Nothing waits for a flush that never comes: every datagram
 * added either queues the flush task or finds it queued, and the task runs after the work already
 * on the loop.
 *
 * <p>With segmentation (UDP GSO), consecutive datagrams to one address of one size, of which only
 * the last may be shorter, are copied into one buffer and written as one {@link
 * SegmentedDatagramPacket} of up to {@link #MAX_SEGMENTS} datagrams: one pass through the kernel's
 * stack instead of one per datagram, and the receiver still sees separate datagrams. When the
 * kernel refuses a segmented send (no GSO on the route, a path MTU below a segment), its datagrams
 * are sent again one by one and segmentation stays off for this batch's channel.
 *
 * <p>Confined to the channel's event loop: call every method there. Writes and flushes go through
 * the channel's pipeline.
 */
final class OutboundBatch {

  /** Most datagrams in one segmented send (Linux's UDP_MAX_SEGMENTS before 6.x). */
  static final int MAX_SEGMENTS = 64;

  /** Most payload bytes in one segmented send (below IPv4's 65,507-byte UDP payload limit). */
  static final int MAX_SEGMENTED_BYTES = 65000;

  /**
   * Largest datagram that is segmented: it fits an Ethernet MTU of 1500 with IPv6 and UDP headers,
   * so a segmented send is accepted on any ordinary route. Larger datagrams go alone.
   */
  static final int MAX_SEGMENT_SIZE = 1452;

  /** Bytes written and not yet flushed after which the batch is flushed at once. */
  static final int FLUSH_BYTES = 256 * 1024;

  /** Where the fate of written datagrams is counted; called on the event loop. */
  interface Outcome {
    void sent(int datagrams);

    void dropped(int datagrams);
  }

  private static final Logger LOG = LoggerFactory.getLogger(OutboundBatch.class);

  private final Channel channel;
  private final Executor loop;
  private final Outcome outcome;
  private final Runnable flushTask = this::runFlushTask;
  private final ChannelFutureListener plainWritten;
  private boolean segmentation;
  private boolean flushQueued;
  private int pendingBytes;
  private long segmentedSends;
  private ByteBuf run;
  private InetSocketAddress runTo;
  private int runSegmentSize;
  private int runSegments;

  /**
   * @param loop runs the flush task after the work already queued: the channel's event loop
   */
  OutboundBatch(Channel channel, Executor loop, boolean segmentation, Outcome outcome) {
    this.channel = channel;
    this.loop = loop;
    this.segmentation = segmentation;
    this.outcome = outcome;
    this.plainWritten =
        f -> {
          if (f.isSuccess()) {
            outcome.sent(1);
          } else {
            outcome.dropped(1);
          }
        };
  }

  /** Queues {@code length} bytes of {@code data} from {@code offset} as one datagram. */
  void add(InetSocketAddress to, byte[] data, int offset, int length) {
    ByteBuf target = target(to, length);
    target.writeBytes(data, offset, length);
    added(to, target, length);
  }

  /** Queues the bytes between {@code data}'s position and limit as one datagram. */
  void add(InetSocketAddress to, ByteBuffer data) {
    int length = data.remaining();
    ByteBuf target = target(to, length);
    target.writeBytes(data.duplicate());
    added(to, target, length);
  }

  /** True while runs of equal datagrams are sent segmented. */
  boolean segmenting() {
    return segmentation;
  }

  /** Segmented sends written so far (each carries two or more datagrams). */
  long segmentedSends() {
    return segmentedSends;
  }

  /** Writes what is held back and flushes the channel. */
  void flush() {
    closeRun();
    pendingBytes = 0;
    channel.pipeline().flush();
  }

  private void runFlushTask() {
    flushQueued = false;
    flush();
  }

  private ByteBuf target(InetSocketAddress to, int length) {
    if (segmentation && length > 0 && length <= MAX_SEGMENT_SIZE) {
      if (run != null
          && (length > runSegmentSize || run.writableBytes() < length || !to.equals(runTo))) {
        closeRun();
      }
      if (run == null) {
        int segments = Math.min(MAX_SEGMENTS, MAX_SEGMENTED_BYTES / length);
        run = channel.alloc().directBuffer(segments * length);
        runTo = to;
        runSegmentSize = length;
        runSegments = 0;
      }
      return run;
    }
    closeRun(); // keeps the datagrams in the order they were sent
    return channel.alloc().directBuffer(length);
  }

  private void added(InetSocketAddress to, ByteBuf target, int length) {
    if (target == run) {
      runSegments++;
      // a shorter datagram ends a run: only the last segment may be shorter
      if (length < runSegmentSize || run.writableBytes() < runSegmentSize) {
        closeRun();
      }
    } else {
      channel.pipeline().write(new DatagramPacket(target, to)).addListener(plainWritten);
    }
    pendingBytes += length;
    if (pendingBytes >= FLUSH_BYTES) {
      flush();
    } else if (!flushQueued) {
      flushQueued = true;
      loop.execute(flushTask);
    }
  }

  /** Writes the open run: alone when it holds one datagram, else as one segmented send. */
  private void closeRun() {
    ByteBuf content = run;
    if (content == null) {
      return;
    }
    run = null;
    InetSocketAddress to = runTo;
    int segments = runSegments;
    int segmentSize = runSegmentSize;
    if (segments == 1) {
      channel.pipeline().write(new DatagramPacket(content, to)).addListener(plainWritten);
      return;
    }
    segmentedSends++;
    ByteBuf kept = content.retainedDuplicate(); // to send again one by one if the kernel refuses
    channel
        .write(new SegmentedDatagramPacket(content, segmentSize, to))
        .addListener((ChannelFuture f) -> segmentedWritten(f, kept, segmentSize, segments, to));
  }

  private void segmentedWritten(
      ChannelFuture f, ByteBuf kept, int segmentSize, int segments, InetSocketAddress to) {
    if (f.isSuccess()) {
      kept.release();
      outcome.sent(segments);
      return;
    }
    if (!channel.isOpen()) {
      kept.release();
      outcome.dropped(segments);
      return;
    }
    if (segmentation) {
      segmentation = false;
      LOG.debug(
          "UDP segmentation offload refused on {} ({}); sending datagrams one by one",
          channel.localAddress(),
          f.cause().toString());
    }
    // not from inside the failing write: the channel is in the middle of its flush
    loop.execute(
        () -> {
          while (kept.isReadable()) {
            ByteBuf one = kept.readRetainedSlice(Math.min(segmentSize, kept.readableBytes()));
            channel.pipeline().write(new DatagramPacket(one, to)).addListener(plainWritten);
          }
          kept.release();
          channel.pipeline().flush();
        });
  }
}
