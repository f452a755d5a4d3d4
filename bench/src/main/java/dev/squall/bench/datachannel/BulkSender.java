package dev.squall.bench.datachannel;

import dev.squall.datachannel.DataChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends {@code count} copies of one payload on a Squall {@link DataChannel} as fast as flow control
 * allows, the way a browser application does: fill until {@code high} bytes are buffered, refill on
 * {@code onBufferedAmountLow} once the amount falls to {@code low}. Refills run on the connection's
 * callback thread (listeners never run concurrently), the first from {@link #start}.
 */
final class BulkSender {
  private final DataChannel channel;
  private final byte[] payload;
  private final long count;
  private final long high;
  private final AtomicLong sent = new AtomicLong();
  private final long limitNanos;
  private long deadline;
  private boolean ended;

  BulkSender(DataChannel channel, byte[] payload, long count, long low, long high) {
    this(channel, payload, count, low, high, 0);
  }

  /**
   * @param limitNanos stop queueing this long after {@link #start}, then send "end"; 0 for none
   */
  BulkSender(
      DataChannel channel, byte[] payload, long count, long low, long high, long limitNanos) {
    if (low < 0 || high <= low) {
      throw new IllegalArgumentException("need 0 <= low < high, got " + low + ", " + high);
    }
    this.channel = channel;
    this.payload = payload;
    this.count = count;
    this.high = high;
    this.limitNanos = limitNanos;
    channel.setBufferedAmountLowThreshold(low);
    channel.onBufferedAmountLow(this::pump);
  }

  /** Sends the first burst; call from the channel's open listener. */
  void start() {
    deadline = System.nanoTime() + limitNanos;
    pump();
  }

  long sent() {
    return sent.get();
  }

  private void pump() {
    if (limitNanos > 0 && System.nanoTime() - deadline > 0) {
      if (!ended) {
        ended = true;
        channel.send("end");
      }
      return;
    }
    while (sent.get() < count && channel.bufferedAmount() < high) {
      channel.send(payload);
      sent.incrementAndGet();
    }
  }
}
