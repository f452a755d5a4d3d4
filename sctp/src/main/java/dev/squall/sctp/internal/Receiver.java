package dev.squall.sctp.internal;

import dev.squall.sctp.chunk.DataChunk;
import dev.squall.sctp.chunk.ForwardTsnChunk;
import dev.squall.sctp.chunk.SackChunk;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The receiving half of the association (RFC 9260 §6.2, §6.7): tracks received TSNs (cumulative
 * point, gaps, duplicates), passes new chunks to {@link Reassembly}, enforces the receive window
 * and decides when to SACK: at once on gaps, duplicates, a filled gap or the I bit, after every
 * second packet with DATA, else after the delayed-ack time (200 ms).
 */
final class Receiver {

  /** Most TSNs held beyond the cumulative point (bounds memory against hostile peers). */
  private static final int MAX_OUT_OF_ORDER = 16_384;

  private static final int MAX_GAP_BLOCKS = 128;
  private static final int MAX_DUPLICATES = 32;

  private final Context ctx;
  private final Reassembly reassembly;
  private final ProtocolTimer delayedAck;
  private final TreeSet<Long> above = new TreeSet<>();
  private final List<Integer> duplicates = new ArrayList<>();
  private long cum;
  private boolean sackNow;
  private boolean sackOwed;
  private boolean gapsAtPacketStart;
  private int packetsUnacked;
  private long dataChunksReceived;
  private Predicate<DataChunk> hold = c -> false;

  Receiver(Context ctx, Reassembly reassembly) {
    this.ctx = ctx;
    this.reassembly = reassembly;
    this.delayedAck = new ProtocolTimer(ctx.scheduler, "delayed-ack", this::onDelayedAck);
  }

  /** The peer's initial TSN is known. */
  void start(int peerInitialTsn) {
    cum = (1L << 32) + ((peerInitialTsn - 1) & 0xFFFF_FFFFL);
  }

  void stop() {
    delayedAck.stop();
  }

  private long unwrap(int tsn) {
    return cum + (tsn - (int) cum);
  }

  /** The cumulative TSN: everything up to it was received. */
  int cumulativeTsn() {
    return (int) cum;
  }

  /** True when every TSN up to {@code tsn} was received. */
  boolean receivedThrough(int tsn) {
    return unwrap(tsn) <= cum;
  }

  void beginPacket() {
    gapsAtPacketStart = !above.isEmpty();
  }

  /** One DATA chunk. */
  void onData(DataChunk c) {
    dataChunksReceived++;
    long u = unwrap(c.tsn());
    if (u <= cum || above.contains(u)) {
      if (duplicates.size() < MAX_DUPLICATES) {
        duplicates.add(c.tsn());
      }
      sackNow = true;
      return;
    }
    if (u - cum > 65_535 || above.size() >= MAX_OUT_OF_ORDER) {
      sackNow = true;
      return; // beyond what a SACK can describe: drop, the peer will retransmit
    }
    if (u != cum + 1 && reassembly.buffered() + c.payload().length > ctx.config.receiveWindow()) {
      sackNow = true;
      return; // no room (§6.2): drop unless it is the next expected TSN
    }
    if (u == cum + 1) {
      cum++;
      while (!above.isEmpty() && above.first() == cum + 1) {
        above.pollFirst();
        cum++;
      }
    } else {
      above.add(u);
    }
    if (c.immediate()) {
      sackNow = true;
    }
    if (c.streamId() >= ctx.inboundStreams) {
      ctx.queueControl(InvalidStream.error(c.streamId()));
      return;
    }
    if (hold.test(c)) {
      return;
    }
    reassembly.add(c, u);
  }

  /** Sets the filter of chunks held back for a pending stream reset. */
  void holdWhen(Predicate<DataChunk> filter) {
    this.hold = filter;
  }

  /** Delivers a chunk held back earlier (its TSN is already counted as received). */
  void replay(DataChunk c) {
    reassembly.add(c, unwrap(c.tsn()));
  }

  /** A packet that carried DATA was fully processed: SACK now or arm the delayed ack. */
  void endPacket(boolean hadData) {
    if (!hadData) {
      return;
    }
    packetsUnacked++;
    sackOwed = true;
    boolean filledGap = gapsAtPacketStart && above.isEmpty();
    if (sackNow
        || !above.isEmpty()
        || filledGap
        || packetsUnacked >= 2
        || ctx.config.delayedAckTime().isZero()) {
      sackNow = true;
    } else {
      delayedAck.start(ctx.config.delayedAckTime().toNanos());
    }
  }

  /** RFC 3758 §3.6: the peer moved our cumulative TSN forward past abandoned chunks. */
  void onForwardTsn(ForwardTsnChunk f) {
    long newCum = unwrap(f.newCumulativeTsn());
    if (newCum > cum) {
      cum = newCum;
      above.headSet(cum, true).clear();
      while (!above.isEmpty() && above.first() == cum + 1) {
        above.pollFirst();
        cum++;
      }
      reassembly.forward(newCum, f.streams());
    }
    sackOwed = true;
    sackNow = true;
  }

  private void onDelayedAck() {
    sackNow = true;
    ctx.host().flush();
  }

  /** True when a SACK must go out in this flush. */
  boolean sackDue() {
    return sackNow && sackOwed;
  }

  /** True when a SACK is owed, due now or later (to bundle it with outgoing DATA). */
  boolean sackOwed() {
    return sackOwed;
  }

  /** Builds the SACK and resets the ack state. */
  SackChunk buildSack() {
    List<SackChunk.GapBlock> gaps = new ArrayList<>();
    Iterator<Long> it = above.iterator();
    long start = -1;
    long end = -1;
    while (it.hasNext() && gaps.size() < MAX_GAP_BLOCKS) {
      long t = it.next();
      if (start < 0) {
        start = end = t;
      } else if (t == end + 1) {
        end = t;
      } else {
        gaps.add(new SackChunk.GapBlock((int) (start - cum), (int) (end - cum)));
        start = end = t;
      }
    }
    if (start >= 0 && gaps.size() < MAX_GAP_BLOCKS) {
      gaps.add(new SackChunk.GapBlock((int) (start - cum), (int) (end - cum)));
    }
    SackChunk sack = new SackChunk((int) cum, advertisedWindow(), gaps, duplicates);
    duplicates.clear();
    sackNow = false;
    sackOwed = false;
    packetsUnacked = 0;
    delayedAck.stop();
    return sack;
  }

  long advertisedWindow() {
    return Math.max(0, ctx.config.receiveWindow() - reassembly.buffered());
  }

  long dataChunksReceived() {
    return dataChunksReceived;
  }
}
