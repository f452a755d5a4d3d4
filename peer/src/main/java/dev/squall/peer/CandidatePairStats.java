package dev.squall.peer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The selected candidate pair, named after the W3C {@code RTCIceCandidatePairStats}. Round-trip
 * times are measured by the ICE agent from its connectivity checks and consent freshness requests
 * (RFC 7675, one about every 5 s): from a request's first transmission to its success response, on
 * the connection's clock; a retransmitted request gives no sample.
 *
 * @param local our candidate (the host candidate whose socket sends)
 * @param remote the peer's candidate (signalled, or peer-reflexive)
 * @param localAddress the socket address datagrams leave from
 * @param remoteAddress the address datagrams go to
 * @param state {@code succeeded} for a selected pair ({@code frozen}, {@code waiting}, {@code
 *     in-progress}, {@code failed} otherwise)
 * @param nominated true once nominated
 * @param currentRoundTripTime the latest round-trip time, empty before the first sample
 * @param totalRoundTripTime the sum of all samples; divide by {@code roundTripTimeMeasurements} for
 *     the mean
 * @param roundTripTimeMeasurements the number of samples
 * @param requestsSent connectivity checks sent (retransmissions not counted)
 * @param responsesReceived success responses to checks and consent requests
 * @param requestsReceived checks and consent requests from the peer, answered
 * @param responsesSent success responses sent
 * @param consentRequestsSent consent freshness requests sent
 */
public record CandidatePairStats(
    CandidateStats local,
    CandidateStats remote,
    InetSocketAddress localAddress,
    InetSocketAddress remoteAddress,
    String state,
    boolean nominated,
    Optional<Duration> currentRoundTripTime,
    Duration totalRoundTripTime,
    long roundTripTimeMeasurements,
    long requestsSent,
    long responsesReceived,
    long requestsReceived,
    long responsesSent,
    long consentRequestsSent) {

  public CandidatePairStats {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(remote, "remote");
    Objects.requireNonNull(currentRoundTripTime, "currentRoundTripTime");
    Objects.requireNonNull(totalRoundTripTime, "totalRoundTripTime");
  }
}
