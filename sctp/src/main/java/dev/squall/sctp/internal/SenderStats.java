package dev.squall.sctp.internal;

/** Counters of the sender, read by the association's statistics. */
final class SenderStats {
  long chunksSent;
  long retransmissions;
  long fastRetransmissions;
  long t3Expiries;
  long abandonedMessages;
  long forwardTsnsSent;
}
