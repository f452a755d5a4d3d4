package dev.squall.turn.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of a TURN server, shared by all its shards and read by the metrics exporter.
 * Thread-safe: counters are {@link LongAdder}s (cheap to bump from several event loops), the
 * active-allocation gauge an {@link AtomicLong}.
 *
 * <p>Refusals are counted by reason: one of the {@code REASON_*} constants (a request answered with
 * an error, or a datagram dropped by policy). Malformed input (not STUN, not ChannelData,
 * undecodable, over the size limit) is counted apart in {@link #malformedDropped()} and also under
 * {@link #REASON_MALFORMED}. The mutators are called by the core; the server module may also count
 * what it drops before the core sees it (e.g. broken stream framing) with {@link
 * #recordMalformed()}.
 */
public final class TurnStats {

  /** A peer address refused by the {@link PeerAddressPolicy} (403, or a Send/ChannelData drop). */
  public static final String REASON_PEER_FORBIDDEN = "peer-address-forbidden";

  /** 486: the user already holds the maximum number of allocations. */
  public static final String REASON_QUOTA_USER = "quota-user";

  /** 486: the server holds the maximum number of allocations. */
  public static final String REASON_QUOTA_TOTAL = "quota-total";

  /** 400: a request missing or misusing attributes. */
  public static final String REASON_BAD_REQUEST = "bad-request";

  /** 401 without credentials: the challenge that starts every long-term exchange. */
  public static final String REASON_UNAUTHENTICATED = "unauthenticated";

  /** 401 for an unknown user, an expired REST credential or a wrong password. */
  public static final String REASON_AUTH_FAILED = "auth-failed";

  /** 438: a nonce that expired or was never ours. */
  public static final String REASON_STALE_NONCE = "stale-nonce";

  /** 441: a request on an allocation made with other credentials. */
  public static final String REASON_WRONG_CREDENTIALS = "wrong-credentials";

  /** 437: a second Allocate on a 5-tuple, or a request without an allocation. */
  public static final String REASON_ALLOCATION_MISMATCH = "allocation-mismatch";

  /** 442: REQUESTED-TRANSPORT other than UDP. */
  public static final String REASON_UNSUPPORTED_TRANSPORT = "unsupported-transport";

  /** 440: an address family without a relay address. */
  public static final String REASON_ADDRESS_FAMILY = "address-family";

  /** 443: a peer of a family the allocation has no relayed address for. */
  public static final String REASON_PEER_FAMILY_MISMATCH = "peer-family-mismatch";

  /** 508: no relay port, or the permission/channel limit of an allocation. */
  public static final String REASON_INSUFFICIENT_CAPACITY = "insufficient-capacity";

  /** 420: a comprehension-required attribute the server does not know. */
  public static final String REASON_UNKNOWN_ATTRIBUTE = "unknown-attribute";

  /** A relayed datagram dropped because the allocation's bandwidth was exhausted. */
  public static final String REASON_BANDWIDTH = "bandwidth";

  /** A datagram from a peer (or to one) without a permission. */
  public static final String REASON_NO_PERMISSION = "no-permission";

  /** ChannelData on a channel that is not bound, or data without an allocation. */
  public static final String REASON_NO_BINDING = "no-binding";

  /** A datagram from a peer too long to fit the maximum message size once framed. */
  public static final String REASON_OVERSIZED = "oversized";

  /** Malformed input from a client. */
  public static final String REASON_MALFORMED = "malformed";

  /** A message whose handling failed unexpectedly (a bug): dropped, logged once. */
  public static final String REASON_INTERNAL_ERROR = "internal-error";

  private final AtomicLong allocationsActive = new AtomicLong();
  private final LongAdder allocationsCreated = new LongAdder();
  private final LongAdder packetsToPeer = new LongAdder();
  private final LongAdder bytesToPeer = new LongAdder();
  private final LongAdder packetsToClient = new LongAdder();
  private final LongAdder bytesToClient = new LongAdder();
  private final LongAdder authFailures = new LongAdder();
  private final LongAdder malformed = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> refusals = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, LongAdder> peerRefusals = new ConcurrentHashMap<>();

  /** Allocations that exist now, over all shards. */
  public long allocationsActive() {
    return allocationsActive.get();
  }

  /** Allocations created since start. */
  public long allocationsCreated() {
    return allocationsCreated.sum();
  }

  /** Datagrams relayed from clients to peers. */
  public long relayedPacketsToPeer() {
    return packetsToPeer.sum();
  }

  /** Application bytes relayed from clients to peers (without TURN framing). */
  public long relayedBytesToPeer() {
    return bytesToPeer.sum();
  }

  /** Datagrams relayed from peers to clients. */
  public long relayedPacketsToClient() {
    return packetsToClient.sum();
  }

  /** Application bytes relayed from peers to clients (without TURN framing). */
  public long relayedBytesToClient() {
    return bytesToClient.sum();
  }

  /**
   * Requests refused for bad credentials: unknown user, expired REST credential, wrong password.
   */
  public long authFailures() {
    return authFailures.sum();
  }

  /** Malformed messages from clients dropped without an answer. */
  public long malformedDropped() {
    return malformed.sum();
  }

  /** A snapshot of the refusal counters by reason (sorted by reason). */
  public Map<String, Long> refusalsByReason() {
    return snapshot(refusals);
  }

  /** The count of one refusal reason (0 when never seen). */
  public long refusals(String reason) {
    LongAdder a = refusals.get(reason);
    return a == null ? 0 : a.sum();
  }

  /**
   * A snapshot of peer-address refusals by the policy's category ({@code loopback}, {@code
   * private}, {@code server-address}...); their total is {@code refusals(REASON_PEER_FORBIDDEN)}.
   */
  public Map<String, Long> peerRefusalsByCategory() {
    return snapshot(peerRefusals);
  }

  // ---- mutators, called by the core ----

  /** An allocation was created. */
  public void allocationCreated() {
    allocationsCreated.increment();
    allocationsActive.incrementAndGet();
  }

  /** An allocation was deleted (refresh to 0, expiry, connection closed, shutdown). */
  public void allocationDeleted() {
    allocationsActive.decrementAndGet();
  }

  /** One datagram of {@code bytes} application bytes went to a peer. */
  public void relayedToPeer(int bytes) {
    packetsToPeer.increment();
    bytesToPeer.add(bytes);
  }

  /** One datagram of {@code bytes} application bytes went to a client. */
  public void relayedToClient(int bytes) {
    packetsToClient.increment();
    bytesToClient.add(bytes);
  }

  /** A refusal for {@code reason}. */
  public void recordRefusal(String reason) {
    refusals.computeIfAbsent(reason, r -> new LongAdder()).increment();
  }

  /** A peer address refused by policy, for {@code category}. */
  public void recordPeerRefusal(String category) {
    recordRefusal(REASON_PEER_FORBIDDEN);
    peerRefusals.computeIfAbsent(category, r -> new LongAdder()).increment();
  }

  /** A credential check failed (unknown user, expired credential, wrong password). */
  public void recordAuthFailure() {
    authFailures.increment();
    recordRefusal(REASON_AUTH_FAILED);
  }

  /** A malformed message dropped. */
  public void recordMalformed() {
    malformed.increment();
    recordRefusal(REASON_MALFORMED);
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> map) {
    Map<String, Long> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
