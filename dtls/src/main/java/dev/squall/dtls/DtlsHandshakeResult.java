package dev.squall.dtls;

import java.time.Duration;
import java.util.Optional;

/**
 * What a completed handshake established.
 *
 * @param role this endpoint's role
 * @param cipherSuite the IANA name of the negotiated cipher suite
 * @param remoteFingerprint the verified fingerprint of the peer's certificate
 * @param srtpProfile the {@code use_srtp} profile both sides agreed on, if any
 * @param srtpKeyingMaterial the exported SRTP keys for {@code srtpProfile}, if any
 * @param maxApplicationData the largest {@link DtlsTransport#send} payload that fits one datagram
 * @param elapsed time from start to the handshake's end on the handshake thread
 */
public record DtlsHandshakeResult(
    DtlsRole role,
    String cipherSuite,
    Fingerprint remoteFingerprint,
    Optional<SrtpProfile> srtpProfile,
    Optional<SrtpKeyingMaterial> srtpKeyingMaterial,
    int maxApplicationData,
    Duration elapsed) {}
