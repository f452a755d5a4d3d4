package dev.squall.sctp.internal;

import dev.squall.sctp.chunk.ForwardTsnChunk;
import dev.squall.sctp.chunk.SackChunk;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sending half of the association (RFC 9260 §6.1–6.3, §7.2; RFC 3758 §3.5): assigns TSNs, keeps
 * the outstanding chunks, processes SACKs (cumulative ack, gap blocks, miss indications), runs
 * T3-rtx with RTO back-off, fast retransmit and recovery, congestion and peer-window limits,
 * zero-window probing, and abandons partially reliable messages with FORWARD-TSN.
 */
public final class Sender {

  private static final int FAST_RETRANSMIT_THRESHOLD = 3;

  private final Context ctx;
  private final SendQueue queue;
  private final CongestionControl cc;
  private final OutstandingQueue outstanding = new OutstandingQueue();
  private final ProtocolTimer t3;
  private final SenderStats stats = new SenderStats();
  private int nextTsn;
  private int cumAck;
  private int advancedPeerAckPoint;
  private long flightSize;
  private long peerRwnd;
  private int markedCount;
  private boolean fastRetransmitPending;
  private boolean forwardTsnPending;
  private boolean rttPending;
  private int rttTsn;
  private long rttStart;
  private long lastDataSentAt = Long.MIN_VALUE;
  private int releaseStream = -1;
  private long releaseBytes;

  Sender(Context ctx, SendQueue queue) {
    this.ctx = ctx;
    this.queue = queue;
    this.cc = new CongestionControl(ctx.config.mtu());
    this.t3 = new ProtocolTimer(ctx.scheduler, "T3-rtx", this::onT3Expired);
    this.nextTsn = ctx.myInitialTsn;
    this.cumAck = ctx.myInitialTsn - 1;
    this.advancedPeerAckPoint = cumAck;
  }

  /** The association is established: the peer advertised {@code peerRwnd}. */
  void start(long peerRwnd) {
    this.peerRwnd = peerRwnd;
    cc.start(peerRwnd);
  }

  /** Stops the timers for good. */
  void stop() {
    t3.stop();
  }

  /** True when nothing waits to be sent or acknowledged. */
  boolean idle() {
    return queue.isEmpty() && outstanding.isEmpty();
  }

  /** The last TSN given to a chunk (RFC 6525 "sender's last assigned TSN"). */
  int lastAssignedTsn() {
    return nextTsn - 1;
  }

  long lastDataSentAt() {
    return lastDataSentAt;
  }

  /** Sends what congestion control and the peer's window allow, retransmissions first. */
  void transmit(PacketWriter w) {
    if (forwardTsnPending) {
      forwardTsnPending = false;
      if (Tsn.lt(cumAck, advancedPeerAckPoint)) {
        w.add(forwardTsn());
      }
    }
    if (fastRetransmitPending) {
      fastRetransmitPending = false;
      int budget = w.room();
      for (int i = 0; i < outstanding.size() && markedCount > 0; i++) {
        OutboundChunk c = outstanding.at(i);
        if (c.marked && c.fastPending) {
          if (c.encodedLength() > budget) {
            break;
          }
          budget -= c.encodedLength();
          put(w, c);
          stats.fastRetransmissions++;
        }
      }
    }
    for (int i = 0; i < outstanding.size() && markedCount > 0 && flightSize < cc.cwnd(); i++) {
      OutboundChunk c = outstanding.at(i);
      if (c.marked) {
        put(w, c);
        stats.retransmissions++;
      }
    }
    long now = ctx.now();
    while (!queue.isEmpty() && flightSize < cc.cwnd()) {
      OutboundChunk f = queue.peek();
      if (now >= f.message.expiresAt && ctx.peerForwardTsn) {
        abandon(f.message);
        continue;
      }
      if (f.size() > peerRwnd && flightSize > 0) {
        break; // window full; with nothing in flight one chunk probes a zero window (§6.1 A)
      }
      queue.poll();
      f.tsn = nextTsn++;
      f.sent = true;
      outstanding.add(f);
      put(w, f);
    }
  }

  private void put(PacketWriter w, OutboundChunk c) {
    long now = ctx.now();
    if (c.marked) {
      c.marked = false;
      markedCount--;
    }
    c.fastPending = false;
    c.transmitCount++;
    c.sentAt = now;
    flightSize += c.size();
    peerRwnd = Math.max(0, peerRwnd - c.size());
    w.addData(c);
    stats.chunksSent++;
    lastDataSentAt = now;
    if (c.transmitCount == 1 && !rttPending) {
      rttPending = true;
      rttTsn = c.tsn;
      rttStart = now;
    } else if (c.transmitCount > 1 && rttPending && rttTsn == c.tsn) {
      rttPending = false; // Karn: no sample from a retransmitted chunk
    }
    if (!t3.isRunning()) {
      t3.restart(ctx.rto.rto());
    }
  }

  /** Processes a SACK (RFC 9260 §6.2.1). */
  void onSack(SackChunk sack) {
    int cum = sack.cumulativeTsnAck();
    if (Tsn.lt(cum, cumAck) || Tsn.lt(nextTsn - 1, cum)) {
      return; // old SACK, or acks something never sent
    }
    ctx.peerAlive();
    long flightBefore = flightSize;
    long ackedBytes = 0;
    boolean advanced = Tsn.lt(cumAck, cum);
    long now = ctx.now();
    while (!outstanding.isEmpty() && Tsn.le(outstanding.first().tsn, cum)) {
      OutboundChunk c = outstanding.removeFirst();
      if (c.live()) {
        ackedBytes += c.size();
        acknowledge(c);
      }
      if (rttPending && c.tsn == rttTsn) {
        rttPending = false;
        if (c.transmitCount == 1) {
          ctx.rto.measure(now - rttStart);
        }
      }
    }
    cumAck = cum;
    int highestNewlyAcked = cum;
    boolean newlyGapAcked = false;
    // a hostile SACK may announce gaps far beyond what was sent: clamp to the last TSN sent
    int lastOffset = outstanding.isEmpty() ? 0 : outstanding.last().tsn - cum;
    for (SackChunk.GapBlock g : sack.gapBlocks()) {
      int end = Math.min(g.end(), lastOffset);
      for (int off = Math.max(1, g.start()); off <= end; off++) {
        OutboundChunk c = outstanding.get(cum + off);
        if (c != null && c.live()) {
          acknowledge(c);
          newlyGapAcked = true;
          highestNewlyAcked = Tsn.max(highestNewlyAcked, c.tsn);
        }
      }
    }
    releaseAcknowledged();
    if (newlyGapAcked || advanced) {
      countMisses(highestNewlyAcked, now);
    }
    if (advanced) {
      cc.onCumulativeAck(ackedBytes, flightBefore, cumAck);
    }
    peerRwnd = Math.max(0, sack.aRwnd() - flightSize);
    if (flightSize == 0 && markedCount == 0) {
      cc.onAllAcked();
    }
    advanceAckPoint();
    if (!live() && !Tsn.lt(cumAck, advancedPeerAckPoint)) {
      t3.stop();
    } else if (advanced) {
      t3.restart(ctx.rto.rto());
    }
  }

  private void acknowledge(OutboundChunk c) {
    if (c.marked) {
      c.marked = false;
      markedCount--;
    } else {
      flightSize -= c.size();
    }
    c.acked = true;
    // buffered bytes go back per stream once per SACK, not per chunk
    int stream = c.message.stream;
    if (stream != releaseStream) {
      releaseAcknowledged();
      releaseStream = stream;
    }
    releaseBytes += c.size();
  }

  /** Releases the buffered bytes of the chunks acknowledged since the last call. */
  private void releaseAcknowledged() {
    if (releaseBytes > 0) {
      queue.release(releaseStream, releaseBytes);
    }
    releaseStream = -1;
    releaseBytes = 0;
  }

  /** §7.2.4 with HTNA: chunks below the highest newly acked TSN and still missing get a miss. */
  private void countMisses(int highestNewlyAcked, long now) {
    boolean fast = false;
    for (int i = 0; i < outstanding.size(); i++) {
      OutboundChunk c = outstanding.at(i);
      if (!Tsn.lt(c.tsn, highestNewlyAcked)) {
        break;
      }
      if (!c.live() || c.marked || c.fastRetransmitted) {
        continue;
      }
      if (++c.missCount >= FAST_RETRANSMIT_THRESHOLD) {
        if (ctx.peerForwardTsn && c.message.shouldAbandon(c, now)) {
          abandon(c.message);
          continue;
        }
        mark(c);
        c.fastRetransmitted = true;
        c.fastPending = true;
        fast = true;
      }
    }
    if (fast) {
      fastRetransmitPending = true;
      cc.onFastRetransmit(outstanding.last().tsn);
    }
  }

  private void mark(OutboundChunk c) {
    if (!c.marked) {
      c.marked = true;
      markedCount++;
      flightSize -= c.size();
    }
  }

  private boolean live() {
    return flightSize > 0 || markedCount > 0;
  }

  /** §6.3.3: T3-rtx expired. */
  private void onT3Expired() {
    stats.t3Expiries++;
    if (!ctx.countTimeout("T3-rtx")) {
      return;
    }
    ctx.rto.backOff();
    cc.onTimeout();
    long now = ctx.now();
    for (int i = 0; i < outstanding.size(); i++) {
      OutboundChunk c = outstanding.at(i);
      if (!c.live()) {
        continue;
      }
      if (ctx.peerForwardTsn && c.message.shouldAbandon(c, now)) {
        abandon(c.message);
      } else {
        mark(c);
      }
    }
    rttPending = false;
    if (Tsn.lt(cumAck, advancedPeerAckPoint)) {
      forwardTsnPending = true;
      t3.restart(ctx.rto.rto());
    }
    ctx.host().flush();
  }

  /** RFC 3758 §3.5: gives up on a message, sent fragments and unsent ones alike. */
  private void abandon(OutboundMessage m) {
    if (m.abandoned) {
      return;
    }
    m.abandoned = true;
    stats.abandonedMessages++;
    for (OutboundChunk c : m.fragments) {
      if (c.sent && c.live()) {
        if (c.marked) {
          c.marked = false;
          markedCount--;
        } else {
          flightSize -= c.size();
        }
        c.abandoned = true;
        queue.release(m.stream, c.size());
      }
    }
    queue.dropUnsent(m);
    advanceAckPoint();
  }

  private void advanceAckPoint() {
    if (Tsn.lt(advancedPeerAckPoint, cumAck)) {
      advancedPeerAckPoint = cumAck;
    }
    OutboundChunk next;
    while ((next = outstanding.get(advancedPeerAckPoint + 1)) != null && next.abandoned) {
      advancedPeerAckPoint++;
    }
    if (Tsn.lt(cumAck, advancedPeerAckPoint)) {
      forwardTsnPending = true;
    }
  }

  private ForwardTsnChunk forwardTsn() {
    Map<Integer, Integer> lastSsn = new LinkedHashMap<>();
    for (int i = 0; i < outstanding.size(); i++) {
      OutboundChunk c = outstanding.at(i);
      if (Tsn.lt(advancedPeerAckPoint, c.tsn)) {
        break;
      }
      if (c.abandoned && c.message.ordered) {
        lastSsn.put(c.message.stream, c.message.ssn);
      }
    }
    List<ForwardTsnChunk.StreamSsn> streams = new ArrayList<>();
    lastSsn.forEach((s, n) -> streams.add(new ForwardTsnChunk.StreamSsn(s, n)));
    stats.forwardTsnsSent++;
    return new ForwardTsnChunk(advancedPeerAckPoint, streams);
  }

  long cwnd() {
    return cc.cwnd();
  }

  long ssthresh() {
    return cc.ssthresh();
  }

  long flightSize() {
    return flightSize;
  }

  long peerRwnd() {
    return peerRwnd;
  }

  int outstandingChunks() {
    return outstanding.size();
  }

  boolean inFastRecovery() {
    return cc.inFastRecovery();
  }

  SenderStats stats() {
    return stats;
  }
}
