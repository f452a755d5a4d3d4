/**
 * DTLS 1.2 for WebRTC on BouncyCastle's TLS API.
 *
 * <ul>
 *   <li>{@link dev.squall.dtls.DtlsCertificate}: a per-peer self-signed ECDSA P-256 certificate (or
 *       one loaded from PEM) and its {@link dev.squall.dtls.Fingerprint} for {@code a=fingerprint}.
 *   <li>{@link dev.squall.dtls.DtlsTransport}: client or server ({@link dev.squall.dtls.DtlsRole}
 *       from {@code a=setup}) over a {@code ConnectedTransport};
 *       TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, extended master secret, mutual certificates
 *       checked against the SDP fingerprints, {@code use_srtp} and the SRTP keying material ({@link
 *       dev.squall.dtls.SrtpKeyingMaterial}).
 * </ul>
 *
 * <h2>Threads</h2>
 *
 * The one exception to the project's sans-I/O rule: BouncyCastle's handshake blocks, so it runs on
 * its own thread (or a caller-supplied executor) behind a queue-backed {@code
 * org.bouncycastle.tls.DatagramTransport}; its retransmission timers are BouncyCastle's, on wall
 * time (first flight timer 1 s, doubling). After the handshake every record is encrypted and
 * decrypted on the path's scheduler: received datagrams are decrypted in {@link
 * dev.squall.dtls.DtlsTransport#receive} with a non-blocking read of BouncyCastle's record layer,
 * so there is no reader thread and no hand-off per record.
 *
 * <h2>Measured here (2 cores shared with other jobs, load average about 20: wide error bars)</h2>
 *
 * {@code bench/.../dtls/DtlsRecordBenchmark} (JMH, one op = encrypt plus decrypt of an 1100-byte
 * record, record layer only): JCA 252,000 ± 117,000 ops/s (about 277 MB/s; best iteration 390
 * MB/s), BC 19,300 ± 10,200 ops/s (about 21 MB/s; best 33 MB/s). Loop CPU per record through the
 * whole {@code DtlsTransport} path (both sides on one event loop, MemoryHub between): JCA 3.3 to 5
 * µs (225 to 330 MB/s per loop-CPU-second), BC 27 µs (about 41 MB/s). {@link
 * dev.squall.dtls.CryptoProvider#JCA} is roughly ten times faster, hence the default.
 */
package dev.squall.dtls;
