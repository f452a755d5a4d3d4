package dev.squall.sctp;

/**
 * A snapshot of an association's transport state and counters, for tests, metrics and logs.
 *
 * @param cwnd congestion window, bytes
 * @param ssthresh slow-start threshold, bytes
 * @param flightSize bytes sent and not yet acknowledged
 * @param peerRwnd the peer's receive window as last computed, bytes
 * @param rtoNanos current retransmission timeout
 * @param srttNanos smoothed RTT, 0 before the first sample
 * @param inFastRecovery true during fast recovery
 * @param outstandingChunks chunks holding a TSN not yet covered by the cumulative ack
 * @param dataChunksSent DATA chunks sent, retransmissions included
 * @param retransmissions DATA chunks retransmitted after T3-rtx or as later retransmissions
 * @param fastRetransmissions DATA chunks retransmitted by fast retransmit
 * @param t3Expiries T3-rtx expirations
 * @param abandonedMessages messages given up under partial reliability
 * @param forwardTsnsSent FORWARD-TSN chunks sent
 * @param dataChunksReceived DATA chunks received, duplicates included
 * @param packetsSent SCTP packets sent
 * @param packetsReceived valid SCTP packets received
 * @param packetsDropped packets dropped (bad checksum, wrong tag, malformed)
 * @param advertisedRwnd our current receive window, bytes
 */
public record SctpStats(
    long cwnd,
    long ssthresh,
    long flightSize,
    long peerRwnd,
    long rtoNanos,
    long srttNanos,
    boolean inFastRecovery,
    int outstandingChunks,
    long dataChunksSent,
    long retransmissions,
    long fastRetransmissions,
    long t3Expiries,
    long abandonedMessages,
    long forwardTsnsSent,
    long dataChunksReceived,
    long packetsSent,
    long packetsReceived,
    long packetsDropped,
    long advertisedRwnd) {}
