package dev.squall.sctp.internal;

import dev.squall.sctp.chunk.DataChunk;
import dev.squall.sctp.chunk.ForwardTsnChunk;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns received DATA chunks back into messages (RFC 9260 §6.5, §6.9): ordered messages are held
 * per stream until every earlier SSN was delivered; unordered ones are delivered as soon as all
 * their fragments (consecutive TSNs from B to E) are here. Counts the bytes it holds, which the
 * receiver subtracts from its advertised window, and refuses messages above the size limit.
 */
final class Reassembly {

  /** Where complete messages go. */
  interface Sink {
    void deliver(int stream, int ppid, byte[] data, boolean ordered);

    /** A message exceeded the maximum size: the association must abort. */
    void tooLarge(int stream, long size);

    /** The peer sent something no valid sender produces: the association must abort. */
    void violation(String what);
  }

  /** Most fragments of one unordered message (bounds the search for its B and E fragments). */
  static final int MAX_FRAGMENTS = 4096;

  private final Sink sink;
  private final int maxMessageSize;
  private final Map<Integer, InboundStream> streams = new HashMap<>();
  private final TreeMap<Long, DataChunk> unordered = new TreeMap<>();
  private long buffered;

  Reassembly(Sink sink, int maxMessageSize) {
    this.sink = sink;
    this.maxMessageSize = maxMessageSize;
  }

  /** Bytes of user data held, waiting for missing fragments or earlier messages. */
  long buffered() {
    return buffered;
  }

  /** Adds a new (not duplicate) chunk whose unwrapped TSN is {@code tsn}. */
  void add(DataChunk c, long tsn) {
    if (c.unordered()) {
      addUnordered(c, tsn);
    } else {
      addOrdered(c, tsn);
    }
  }

  private void addOrdered(DataChunk c, long tsn) {
    InboundStream s = streams.computeIfAbsent(c.streamId(), k -> new InboundStream());
    if (Tsn.ssnLt(c.ssn(), s.nextSsn)) {
      return; // an SSN already delivered or skipped: nothing can use it
    }
    Partial p = s.partials.get(c.ssn());
    long size = (p == null ? 0 : p.bytes) + c.payload().length;
    if (size > maxMessageSize) {
      sink.tooLarge(c.streamId(), size);
      return;
    }
    if (p == null) {
      p = new Partial();
      s.partials.put(c.ssn(), p);
    }
    if (p.add(tsn, c)) {
      buffered += c.payload().length;
    }
    if (c.ssn() == s.nextSsn) {
      deliverReady(c.streamId(), s);
    }
  }

  private void deliverReady(int stream, InboundStream s) {
    Partial p;
    while ((p = s.partials.get(s.nextSsn)) != null && p.complete()) {
      s.partials.remove(s.nextSsn);
      s.nextSsn = (s.nextSsn + 1) & 0xFFFF;
      buffered -= p.bytes;
      sink.deliver(stream, p.ppid, p.join(), true);
    }
  }

  private void addUnordered(DataChunk c, long tsn) {
    if (c.beginning() && c.ending()) {
      sink.deliver(c.streamId(), c.ppid(), c.payload(), false);
      return;
    }
    unordered.put(tsn, c);
    buffered += c.payload().length;
    long start = tsn;
    DataChunk at = c;
    while (!at.beginning()) {
      at = unordered.get(--start);
      if (at == null) {
        return;
      }
      if (tsn - start > MAX_FRAGMENTS) {
        sink.violation("unordered message of more than " + MAX_FRAGMENTS + " fragments");
        return;
      }
    }
    long end = tsn;
    at = c;
    long bytes = 0;
    while (!at.ending()) {
      at = unordered.get(++end);
      if (at == null) {
        return;
      }
      if (end - start > MAX_FRAGMENTS) {
        sink.violation("unordered message of more than " + MAX_FRAGMENTS + " fragments");
        return;
      }
    }
    TreeMap<Long, DataChunk> parts = new TreeMap<>(unordered.subMap(start, true, end, true));
    for (DataChunk part : parts.values()) {
      bytes += part.payload().length;
    }
    unordered.subMap(start, true, end, true).clear();
    buffered -= bytes;
    if (bytes > maxMessageSize) {
      sink.tooLarge(c.streamId(), bytes);
      return;
    }
    DataChunk first = parts.firstEntry().getValue();
    sink.deliver(first.streamId(), first.ppid(), join(parts.values(), bytes), false);
  }

  /**
   * RFC 3758 §3.6: the peer abandoned every TSN up to {@code newCum}; drop their fragments and skip
   * the listed SSNs, then deliver what became deliverable.
   */
  void forward(long newCum, Iterable<ForwardTsnChunk.StreamSsn> skipped) {
    Map<Long, DataChunk> old = unordered.headMap(newCum, true);
    for (DataChunk c : old.values()) {
      buffered -= c.payload().length;
    }
    old.clear();
    for (InboundStream s : streams.values()) {
      Iterator<Partial> it = s.partials.values().iterator();
      while (it.hasNext()) {
        Partial p = it.next();
        if (p.count() == 0 || p.firstTsn <= newCum) {
          buffered -= p.bytes;
          it.remove();
        }
      }
    }
    for (ForwardTsnChunk.StreamSsn skip : skipped) {
      InboundStream s = streams.computeIfAbsent(skip.stream(), k -> new InboundStream());
      if (!Tsn.ssnLt(skip.ssn(), s.nextSsn)) {
        s.nextSsn = (skip.ssn() + 1) & 0xFFFF;
        s.partials.keySet().removeIf(ssn -> Tsn.ssnLt(ssn, s.nextSsn));
      }
    }
    for (Map.Entry<Integer, InboundStream> e : streams.entrySet()) {
      deliverReady(e.getKey(), e.getValue());
    }
  }

  /** RFC 6525: the peer reset its outgoing {@code stream}; its SSNs start again at 0. */
  void resetStream(int stream) {
    InboundStream s = streams.remove(stream);
    if (s != null) {
      for (Partial p : s.partials.values()) {
        buffered -= p.bytes;
      }
    }
  }

  private static byte[] join(Collection<DataChunk> fragments, long bytes) {
    byte[] out = new byte[(int) bytes];
    int off = 0;
    for (DataChunk c : fragments) {
      System.arraycopy(c.payload(), 0, out, off, c.payload().length);
      off += c.payload().length;
    }
    return out;
  }

  private static final class InboundStream {
    int nextSsn;
    final Map<Integer, Partial> partials = new HashMap<>();
  }

  /**
   * The fragments of one ordered message received so far, with their first and last TSN kept as
   * they come, so that {@link #complete()} costs no search. Fragments that arrive in TSN order (the
   * usual case) are appended to a list; the first one out of order moves them into a map by TSN.
   */
  private static final class Partial {
    private final ArrayList<DataChunk> inOrder = new ArrayList<>();
    private TreeMap<Long, DataChunk> byTsn; // null while every fragment came in TSN order
    long bytes;
    long firstTsn;
    long lastTsn;
    boolean beginsAtFirst;
    boolean endsAtLast;
    int ppid;

    /** Adds a fragment; false when its TSN is already here. */
    boolean add(long tsn, DataChunk c) {
      boolean wasEmpty = count() == 0;
      if (byTsn == null && (wasEmpty || tsn == lastTsn + 1)) {
        inOrder.add(c);
      } else {
        if (byTsn == null) {
          byTsn = new TreeMap<>();
          for (int i = 0; i < inOrder.size(); i++) {
            byTsn.put(firstTsn + i, inOrder.get(i));
          }
          inOrder.clear();
        }
        if (byTsn.putIfAbsent(tsn, c) != null) {
          return false;
        }
      }
      bytes += c.payload().length;
      if (wasEmpty || tsn < firstTsn) {
        firstTsn = tsn;
        beginsAtFirst = c.beginning();
        ppid = c.ppid();
      }
      if (wasEmpty || tsn > lastTsn) {
        lastTsn = tsn;
        endsAtLast = c.ending();
      }
      return true;
    }

    int count() {
      return byTsn == null ? inOrder.size() : byTsn.size();
    }

    /** B at the first TSN, E at the last, and nothing missing between. */
    boolean complete() {
      return count() > 0 && beginsAtFirst && endsAtLast && lastTsn - firstTsn + 1 == count();
    }

    /** The fragments' payloads in TSN order, as one message. */
    byte[] join() {
      return Reassembly.join(byTsn == null ? inOrder : byTsn.values(), bytes);
    }
  }
}
