package dev.squall.ice;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one candidate pair's checking state and counters, named after the W3C {@code
 * RTCIceCandidatePairStats}. Round-trip times come from STUN connectivity checks and consent
 * freshness requests (RFC 7675): the time on the agent's clock from a request's first transmission
 * to its success response; a retransmitted request gives no sample (Karn's rule).
 *
 * @param pair the local and remote candidates and the addresses in use
 * @param state {@code frozen}, {@code waiting}, {@code in-progress}, {@code succeeded} or {@code
 *     failed}
 * @param nominated true once the pair was nominated (RFC 8445 §8.1.1)
 * @param currentRoundTripTime the latest round-trip time, empty before the first sample
 * @param totalRoundTripTime the sum of all samples
 * @param roundTripTimeMeasurements the number of samples in {@code totalRoundTripTime}
 * @param requestsSent connectivity checks sent (retransmissions not counted)
 * @param responsesReceived success responses received to checks and consent requests
 * @param requestsReceived checks and consent requests from the peer answered with success
 * @param responsesSent success responses sent (equal to {@code requestsReceived})
 * @param consentRequestsSent consent freshness requests sent
 */
public record IceCandidatePairStats(
    IceCandidatePair pair,
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

  public IceCandidatePairStats {
    Objects.requireNonNull(pair, "pair");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(currentRoundTripTime, "currentRoundTripTime");
    Objects.requireNonNull(totalRoundTripTime, "totalRoundTripTime");
  }
}
