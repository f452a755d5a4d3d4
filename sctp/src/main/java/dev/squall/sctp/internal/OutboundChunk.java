package dev.squall.sctp.internal;

import dev.squall.sctp.chunk.DataChunk;

/**
 * One fragment of an {@link OutboundMessage}: a slice of the message's bytes (never copied) and,
 * once first transmitted, its TSN and retransmission bookkeeping. The DATA chunk is written
 * straight from the slice into each packet that carries it ({@link PacketWriter#addData}).
 */
final class OutboundChunk {
  final OutboundMessage message;
  final int offset;
  final int length;
  final boolean beginning;
  final boolean ending;
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

  OutboundChunk(
      OutboundMessage message, int offset, int length, boolean beginning, boolean ending) {
    this.message = message;
    this.offset = offset;
    this.length = length;
    this.beginning = beginning;
    this.ending = ending;
  }

  /** Bytes of user data. */
  int size() {
    return length;
  }

  /** Bytes the DATA chunk takes in a packet: header, user data and padding. */
  int encodedLength() {
    return (DataChunk.OVERHEAD + length + 3) & ~3;
  }

  /** The DATA chunk's flags (RFC 9260 §3.3.1): U, B, E. */
  int flags() {
    return (message.ordered ? 0 : DataChunk.FLAG_U)
        | (beginning ? DataChunk.FLAG_B : 0)
        | (ending ? DataChunk.FLAG_E : 0);
  }

  /** Neither acknowledged nor abandoned: still owed to the peer. */
  boolean live() {
    return !acked && !abandoned;
  }
}
