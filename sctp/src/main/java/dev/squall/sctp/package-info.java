/**
 * SCTP (RFC 9260) as WebRTC runs it over DTLS (RFC 8261, RFC 8831): a sans-I/O {@link
 * dev.squall.sctp.SctpAssociation} driven on one serial {@link dev.squall.util.Scheduler}.
 *
 * <pre>{@code
 * SctpAssociation sctp = new SctpAssociation(scheduler, SctpConfig.DEFAULT, dtls::send, listener);
 * dtls.onReceive(sctp::handlePacket);
 * sctp.connect();                         // both WebRTC ends do this
 * sctp.send(1, 51, "hi".getBytes(UTF_8)); // stream 1, PPID 51 (WebRTC string)
 * }</pre>
 *
 * <p>Wire types live in {@code dev.squall.sctp.chunk} (one file per chunk and parameter, with the
 * RFC diagram); the state machine is split by concern in {@code dev.squall.sctp.internal}:
 * Handshake (INIT/COOKIE, T1-init, T1-cookie), Sender (TSNs, SACK processing, T3-rtx, fast
 * retransmit, congestion control, FORWARD-TSN), Receiver and Reassembly (TSN tracking, SACK
 * generation, ordered/unordered delivery, receive window), Heartbeat, Shutdown (T2-shutdown),
 * StreamReset (RFC 6525), PacketDispatcher (verification tags, chunk dispatch) and AssociationCore
 * (wiring, flush, close).
 */
package dev.squall.sctp;
