package dev.squall.sctp.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The chunks that have a TSN and are not yet covered by the peer's cumulative ack, in TSN order,
 * with O(1) lookup by TSN (TSNs are consecutive).
 */
final class OutstandingQueue {

  private final List<OutboundChunk> items = new ArrayList<>();
  private int head;

  void add(OutboundChunk c) {
    if (!isEmpty() && c.tsn != last().tsn + 1) {
      throw new IllegalStateException("TSNs must be consecutive");
    }
    items.add(c);
  }

  boolean isEmpty() {
    return head == items.size();
  }

  int size() {
    return items.size() - head;
  }

  OutboundChunk first() {
    return isEmpty() ? null : items.get(head);
  }

  OutboundChunk last() {
    return isEmpty() ? null : items.get(items.size() - 1);
  }

  /** The chunk with this TSN, or null when it is not outstanding. */
  OutboundChunk get(int tsn) {
    if (isEmpty()) {
      return null;
    }
    long index = (long) (tsn - first().tsn);
    return index < 0 || index >= size() ? null : items.get(head + (int) index);
  }

  /** The i-th outstanding chunk from the oldest. */
  OutboundChunk at(int i) {
    return items.get(head + i);
  }

  /** Removes and returns the oldest chunk. */
  OutboundChunk removeFirst() {
    OutboundChunk c = items.get(head);
    items.set(head, null);
    head++;
    if (head == items.size()) {
      items.clear();
      head = 0;
    } else if (head >= 1024 && head * 2 >= items.size()) {
      items.subList(0, head).clear();
      head = 0;
    }
    return c;
  }
}
