package dev.squall.sctp.internal;

import dev.squall.sctp.chunk.DataChunk;

/**
 * One fragment of an {@link OutboundMessage}: before its first transmission just a payload slice;
 * afterwards its TSN, the DATA chunk as sent, and its retransmission bookkeeping.
 */
final class OutboundChunk {
  final OutboundMessage message;
  final byte[] payload;
  final boolean beginning;
  final boolean ending;
  DataChunk chunk;
  int tsn;
  boolean sent;
  int transmitCount;
  long sentAt;
  boolean acked;
  boolean abandoned;
  boolean marked;
  boolean fastRetransmitted;
  boolean fastPending;
  int missCount;

  OutboundChunk(OutboundMessage message, byte[] payload, boolean beginning, boolean ending) {
    this.message = message;
    this.payload = payload;
    this.beginning = beginning;
    this.ending = ending;
  }

  int size() {
    return payload.length;
  }

  /** Neither acknowledged nor abandoned: still owed to the peer. */
  boolean live() {
    return !acked && !abandoned;
  }
}
