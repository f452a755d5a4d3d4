package dev.squall.sctp.internal;

import dev.squall.sctp.Reliability;
import dev.squall.sctp.SctpListener;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Messages accepted by {@code send} but not yet given a TSN, already cut into fragments of at most
 * one DATA chunk each: FIFO within a stream, round robin between streams at message boundaries (the
 * fragments of one message keep consecutive TSNs, as RFC 9260 requires without I-DATA), so a bulk
 * transfer on one stream does not starve the others. Also the per-stream SSN counters and
 * buffered-amount accounting (bytes accepted and not yet acknowledged or abandoned) with
 * low-threshold events.
 */
final class SendQueue {

  private final Map<Integer, ArrayDeque<OutboundChunk>> pending = new HashMap<>();
  private final ArrayDeque<Integer> ready = new ArrayDeque<>();
  private final Map<Integer, Integer> nextSsn = new HashMap<>();
  private final Map<Integer, Long> buffered = new HashMap<>();
  private final Map<Integer, Long> thresholds = new HashMap<>();
  private final SctpListener listener;
  private final LongSupplier clock;
  private long total;

  SendQueue(SctpListener listener, LongSupplier clock) {
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * Cuts {@code data} into fragments of at most {@code maxFragment} bytes and queues them. The
   * fragments are slices of {@code data}, which the queue owns from now on.
   */
  void add(
      int stream,
      int ppid,
      byte[] data,
      boolean ordered,
      Reliability reliability,
      int maxFragment) {
    OutboundMessage m =
        new OutboundMessage(stream, ppid, data, ordered, reliability, clock.getAsLong());
    ArrayDeque<OutboundChunk> queue = pending.computeIfAbsent(stream, k -> new ArrayDeque<>());
    if (queue.isEmpty()) {
      ready.add(stream);
    }
    int offset = 0;
    do {
      int n = Math.min(maxFragment, data.length - offset);
      OutboundChunk c = new OutboundChunk(m, offset, n, offset == 0, offset + n == data.length);
      m.fragments.add(c);
      queue.add(c);
      offset += n;
    } while (offset < data.length);
    buffered.merge(stream, (long) data.length, Long::sum);
    total += data.length;
  }

  boolean isEmpty() {
    return ready.isEmpty();
  }

  /** The next fragment to send: from the stream at the head of the rotation. */
  OutboundChunk peek() {
    Integer stream = ready.peek();
    return stream == null ? null : pending.get(stream).peek();
  }

  /** Takes the next fragment; assigns the message's SSN when it is its first. */
  OutboundChunk poll() {
    Integer stream = ready.peek();
    if (stream == null) {
      return null;
    }
    ArrayDeque<OutboundChunk> queue = pending.get(stream);
    OutboundChunk c = queue.poll();
    if (c.ending) {
      rotate(stream, queue);
    }
    OutboundMessage m = c.message;
    if (m.ssn < 0) {
      if (m.ordered) {
        int ssn = nextSsn.getOrDefault(m.stream, 0);
        nextSsn.put(m.stream, (ssn + 1) & 0xFFFF);
        m.ssn = ssn;
      } else {
        m.ssn = 0;
      }
    }
    return c;
  }

  /** The head stream finished a message: it goes to the back of the rotation, or leaves it. */
  private void rotate(int stream, ArrayDeque<OutboundChunk> queue) {
    ready.remove(stream);
    if (queue.isEmpty()) {
      pending.remove(stream);
    } else {
      ready.add(stream);
    }
  }

  /** Drops the unsent fragments of an abandoned message (they are at the head of the queue). */
  void dropUnsent(OutboundMessage m) {
    ArrayDeque<OutboundChunk> queue = pending.get(m.stream);
    if (queue == null) {
      return;
    }
    boolean dropped = false;
    while (!queue.isEmpty() && queue.peek().message == m) {
      release(m.stream, queue.poll().size());
      dropped = true;
    }
    if (dropped) {
      rotate(m.stream, queue);
    }
  }

  /** True while fragments of {@code stream} wait for their first transmission. */
  boolean hasPending(int stream) {
    ArrayDeque<OutboundChunk> queue = pending.get(stream);
    return queue != null && !queue.isEmpty();
  }

  /** The next outgoing SSN of {@code stream} goes back to 0 (RFC 6525 outgoing reset). */
  void resetSsn(int stream) {
    nextSsn.remove(stream);
  }

  /** Bytes of {@code stream} acknowledged or abandoned: no longer buffered. */
  void release(int stream, long bytes) {
    long before = buffered.getOrDefault(stream, 0L);
    long after = Math.max(0, before - bytes);
    if (after == 0) {
      buffered.remove(stream);
    } else {
      buffered.put(stream, after);
    }
    total -= Math.min(before, bytes);
    long threshold = thresholds.getOrDefault(stream, 0L);
    if (before > threshold && after <= threshold) {
      listener.onBufferedAmountLow(stream);
    }
  }

  long bufferedAmount() {
    return total;
  }

  long bufferedAmount(int stream) {
    return buffered.getOrDefault(stream, 0L);
  }

  void setLowThreshold(int stream, long threshold) {
    if (threshold <= 0) {
      thresholds.remove(stream);
    } else {
      thresholds.put(stream, threshold);
    }
  }

  long lowThreshold(int stream) {
    return thresholds.getOrDefault(stream, 0L);
  }
}
