/**
 * A TURN server (RFC 8656) for UDP relaying, safe by default, as a sans-I/O core: the server
 * module's listeners hand it client messages ({@link dev.squall.turn.server.TurnServer#handle}) and
 * give it a {@link dev.squall.turn.server.RelayBinder} for relay sockets; everything else
 * (allocations, permissions, channels, timers, authentication) runs on one {@link
 * dev.squall.util.Scheduler} per shard, without locks.
 *
 * <ul>
 *   <li>{@link dev.squall.turn.server.TurnServer}: one shard; the server module runs one per event
 *       loop.
 *   <li>{@link dev.squall.turn.server.TurnServerConfig}: realm, relay addresses and ports,
 *       lifetimes, limits, credentials (static users and/or the REST-API shared secret) and the
 *       {@link dev.squall.turn.server.PeerAddressPolicy}, with safe defaults.
 *   <li>{@link dev.squall.turn.server.TurnQuotas} and {@link dev.squall.turn.server.TurnStats}:
 *       thread-safe, shared by all shards.
 *   <li>{@link dev.squall.turn.server.ClientConnection}: the client side of a 5-tuple (UDP source,
 *       TCP or TLS connection).
 * </ul>
 *
 * <p>Safe by default: every request but Binding needs a long-term credential; relaying to loopback,
 * private, link-local, multicast, reserved and the server's own addresses is refused in every IPv4
 * and IPv6 form (CVE-2020-26262, CVE-2026-27624); allocations, permissions, channels, bandwidth and
 * message sizes are bounded; malformed input is dropped and counted.
 *
 * <p>Not implemented: TCP relaying (RFC 6062), the STUN security features of RFC 8489 §9.2 (the
 * "nonce cookie": PASSWORD-ALGORITHMS, USERHASH), ALTERNATE-SERVER redirection, ICMP relaying (the
 * ICMP attribute), and setting the DF bit for DONT-FRAGMENT (accepted, not enforced).
 */
package dev.squall.turn.server;
