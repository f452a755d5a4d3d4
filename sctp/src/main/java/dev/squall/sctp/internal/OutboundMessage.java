package dev.squall.sctp.internal;

import dev.squall.sctp.Reliability;
import java.util.ArrayList;
import java.util.List;

/**
 * One user message on its way out: its bytes (owned: nobody else writes them), its fragments
 * (slices of those bytes), its reliability and, once its first fragment is sent, its stream
 * sequence number. Mutable, owned by the sender.
 */
final class OutboundMessage {
  final int stream;
  final int ppid;
  final boolean ordered;
  final Reliability reliability;
  final long expiresAt;
  final byte[] data;
  final List<OutboundChunk> fragments = new ArrayList<>();
  int ssn = -1;
  boolean abandoned;

  OutboundMessage(
      int stream, int ppid, byte[] data, boolean ordered, Reliability reliability, long now) {
    this.stream = stream;
    this.data = data;
    this.ppid = ppid;
    this.ordered = ordered;
    this.reliability = reliability;
    this.expiresAt =
        reliability.maxPacketLifeTime() == null
            ? Long.MAX_VALUE
            : now + reliability.maxPacketLifeTime().toNanos();
  }

  /** True when partial reliability says to give up on this message now. */
  boolean shouldAbandon(OutboundChunk chunk, long now) {
    if (now >= expiresAt) {
      return true;
    }
    int max = reliability.maxRetransmits();
    return max >= 0 && chunk.transmitCount > max;
  }
}
