package dev.squall.peer;

import dev.squall.ice.CandidateType;
import java.util.Objects;

/**
 * One ICE candidate of a {@link CandidatePairStats}, named after the W3C {@code
 * RTCIceCandidateStats}.
 *
 * @param candidateType host, srflx, prflx or relay ({@link CandidateType#token()})
 * @param address the IP literal (or, for a browser's mDNS candidate, its {@code .local} name)
 * @param port the port
 * @param protocol {@code udp}
 * @param priority the candidate's priority
 */
public record CandidateStats(
    CandidateType candidateType, String address, int port, String protocol, long priority) {

  public CandidateStats {
    Objects.requireNonNull(candidateType, "candidateType");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(protocol, "protocol");
  }
}
