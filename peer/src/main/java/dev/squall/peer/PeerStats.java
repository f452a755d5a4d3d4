package dev.squall.peer;

import dev.squall.sctp.SctpStats;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a {@link PeerConnection}, taken in one task on its scheduler (the parts agree with
 * each other), returned by {@link PeerConnection#getStats()}. Shaped after the W3C {@code
 * RTCStatsReport}, with one typed field per kind of stats instead of a map of dictionaries.
 *
 * @param timestampNanos when the snapshot was taken, on the connection's monotonic clock (only
 *     differences between two snapshots mean something: rates, for instance)
 * @param connectionState the connection state at that moment
 * @param transport the ICE and DTLS transport, empty before the first description is applied
 * @param selectedCandidatePair the pair ICE selected, empty before one is
 * @param dataChannels the channels not yet closed, by stream id, then those without an id
 * @param sctpTransport the SCTP association under the channels (W3C {@code RTCSctpTransportStats},
 *     with the sender's and receiver's windows and counters), empty before SCTP starts
 */
public record PeerStats(
    long timestampNanos,
    PeerConnectionState connectionState,
    Optional<TransportStats> transport,
    Optional<CandidatePairStats> selectedCandidatePair,
    List<DataChannelStats> dataChannels,
    Optional<SctpStats> sctpTransport) {

  public PeerStats {
    Objects.requireNonNull(connectionState, "connectionState");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(selectedCandidatePair, "selectedCandidatePair");
    dataChannels = List.copyOf(dataChannels);
    Objects.requireNonNull(sctpTransport, "sctpTransport");
  }

  /** The stats of the first channel labelled {@code label}, if any. */
  public Optional<DataChannelStats> dataChannel(String label) {
    return dataChannels.stream().filter(c -> c.label().equals(label)).findFirst();
  }
}
