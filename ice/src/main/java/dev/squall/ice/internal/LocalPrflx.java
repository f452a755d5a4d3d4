package dev.squall.ice.internal;

import dev.squall.ice.CandidateType;
import dev.squall.ice.IceCandidate;
import java.net.InetSocketAddress;

/**
 * Builds the local peer-reflexive candidate learned from a check response (RFC 8445 §7.2.5.3.1).
 */
final class LocalPrflx {

  private LocalPrflx() {}

  static IceCandidate of(CandidatePair pair, InetSocketAddress mapped) {
    LocalBase base = pair.local();
    String ip = mapped.getAddress().getHostAddress();
    return IceCandidate.udp(
            Priorities.foundation(
                CandidateType.PEER_REFLEXIVE, base.address().getAddress().getHostAddress(), ip),
            Priorities.candidate(
                CandidateType.PEER_REFLEXIVE, Priorities.localPreference(base.index()), 1),
            ip,
            mapped.getPort(),
            CandidateType.PEER_REFLEXIVE)
        .withRelated(base.host().address(), base.host().port());
  }
}
