package dev.squall.peer;

import dev.squall.dtls.DtlsRole;
import dev.squall.dtls.DtlsState;
import dev.squall.ice.IceConnectionState;
import dev.squall.ice.IceRole;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection's ICE and DTLS transport, named after the W3C {@code RTCTransportStats}. Packets
 * and bytes are the UDP payloads of application datagrams (DTLS records, and whatever else the peer
 * sends on a valid pair) through ICE, as in the W3C definition: STUN connectivity checks and
 * consent requests are not counted (see {@link CandidatePairStats} for those).
 *
 * @param packetsSent datagrams sent on the selected pair
 * @param packetsReceived datagrams received from valid pairs
 * @param bytesSent their UDP payload bytes
 * @param bytesReceived their UDP payload bytes
 * @param iceRole controlling or controlled
 * @param iceState the ICE connection state
 * @param dtlsState the DTLS state ({@code NEW} before DTLS starts)
 * @param dtlsRole client or server, once DTLS started
 * @param dtlsCipher the negotiated cipher suite's IANA name, once the handshake completed
 * @param srtpCipher the negotiated {@code use_srtp} profile, when there is one (never for a
 *     data-only connection)
 */
public record TransportStats(
    long packetsSent,
    long packetsReceived,
    long bytesSent,
    long bytesReceived,
    IceRole iceRole,
    IceConnectionState iceState,
    DtlsState dtlsState,
    Optional<DtlsRole> dtlsRole,
    Optional<String> dtlsCipher,
    Optional<String> srtpCipher) {

  public TransportStats {
    Objects.requireNonNull(iceRole, "iceRole");
    Objects.requireNonNull(iceState, "iceState");
    Objects.requireNonNull(dtlsState, "dtlsState");
    Objects.requireNonNull(dtlsRole, "dtlsRole");
    Objects.requireNonNull(dtlsCipher, "dtlsCipher");
    Objects.requireNonNull(srtpCipher, "srtpCipher");
  }
}
