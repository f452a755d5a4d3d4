package dev.squall.sctp;

import dev.squall.testkit.Payloads;
import java.util.Random;

/**
 * Sends {@code count} numbered messages ({@link Payloads#numbered}) from a peer, keeping at most
 * {@code highWater} bytes buffered and refilling from the buffered-amount-low callback: the
 * backpressure pattern a DataChannel user follows.
 */
final class Feeder {
  final Peer from;
  final int stream;
  final int count;
  final int minSize;
  final int maxSize;
  final boolean ordered;
  final Reliability reliability;
  final long highWater;
  final Random sizes;
  int sent;

  Feeder(
      Peer from,
      int stream,
      int count,
      int minSize,
      int maxSize,
      boolean ordered,
      Reliability reliability,
      long highWater,
      long seed) {
    this.from = from;
    this.stream = stream;
    this.count = count;
    this.minSize = minSize;
    this.maxSize = maxSize;
    this.ordered = ordered;
    this.reliability = reliability;
    this.highWater = highWater;
    this.sizes = new Random(seed);
    from.association.setBufferedAmountLowThreshold(stream, highWater / 2);
    from.onLow = this::fill;
  }

  void fill() {
    while (sent < count && from.association.bufferedAmount(stream) < highWater) {
      int size = minSize + sizes.nextInt(maxSize - minSize + 1);
      boolean queued =
          from.association.send(stream, 53, Payloads.numbered(sent, size), ordered, reliability);
      if (!queued) {
        throw new AssertionError("send refused");
      }
      sent++;
    }
  }

  boolean done() {
    return sent == count;
  }
}
