package dev.squall.turn.server;

import dev.squall.stun.StunBindingServer;
import dev.squall.stun.StunClass;
import dev.squall.stun.StunException;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMethod;
import dev.squall.stun.StunServerResult;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.RawAttribute;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.attribute.UnknownAttributes;
import dev.squall.turn.server.internal.Allocations;
import dev.squall.turn.server.internal.Credential;
import dev.squall.turn.server.internal.LongTermAuth;
import dev.squall.turn.server.internal.NonceCodec;
import dev.squall.turn.server.internal.PeerCheck;
import dev.squall.turn.server.internal.Relay;
import dev.squall.turn.server.internal.RelayPorts;
import dev.squall.turn.server.internal.Requests;
import dev.squall.turn.server.internal.Responses;
import dev.squall.turn.server.internal.SendIndication;
import dev.squall.util.Scheduler;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard of a TURN server (RFC 8656, UDP relaying): every allocation of the clients it serves
 * lives on its {@link Scheduler}, without locks. The server module runs one shard per I/O event
 * loop (SO_REUSEPORT UDP listeners, TCP/TLS connections assigned to a loop); the shards share one
 * {@link TurnQuotas}, one {@link TurnStats} and one {@link TurnServerConfig} (whose nonce secret
 * makes a nonce issued by one shard valid on all).
 *
 * <p>What a message from a client does ({@link #handle}):
 *
 * <ul>
 *   <li>ChannelData (first byte 0x40–0x7F) and Send indications go to the data path without a STUN
 *       decode (see {@code internal.Relay});
 *   <li>Binding requests are answered as by a STUN server, without credentials;
 *   <li>Allocate, Refresh, CreatePermission and ChannelBind requests must pass the long-term
 *       credential mechanism (401 challenge, 438 stale nonce, 401 bad credentials), then follow RFC
 *       8656 §7–§12; every response after authentication carries MESSAGE-INTEGRITY (or -SHA256, as
 *       the request did) and FINGERPRINT;
 *   <li>other indications and all responses are ignored; anything malformed (including messages
 *       longer than {@link TurnServerConfig#maxMessageSize()}) is dropped and counted.
 * </ul>
 *
 * <p>Peers are subject to the {@link PeerAddressPolicy} (plus the server's own addresses):
 * CreatePermission and ChannelBind get 403, Send indications are dropped. Datagrams from peers
 * without a permission are dropped. All refusals are counted in {@link TurnStats}.
 *
 * <p>Every method must be called on the scheduler. {@link #handle} never throws.
 */
public final class TurnServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TurnServer.class);

  private final TurnServerConfig config;
  private final Scheduler scheduler;
  private final TurnStats stats;
  private final InstantSource wallClock;
  private final StunBindingServer binding;
  private final LongTermAuth auth;
  private final Responses responses;
  private final Allocations allocations;
  private final RelayPorts ports;
  private final Requests requests;
  private final Relay relay;
  private boolean loggedFailure;
  private boolean closed;

  /** A shard using the system wall clock (for REST credential expiry) and secure randomness. */
  public TurnServer(
      TurnServerConfig config,
      Scheduler scheduler,
      RelayBinder binder,
      TurnQuotas quotas,
      TurnStats stats) {
    this(config, scheduler, binder, quotas, stats, new RelayPortPool(config));
  }

  /**
   * A shard of a server whose shards share {@code ports} (as they share quotas and stats), using
   * the system wall clock and secure randomness.
   */
  public TurnServer(
      TurnServerConfig config,
      Scheduler scheduler,
      RelayBinder binder,
      TurnQuotas quotas,
      TurnStats stats,
      RelayPortPool ports) {
    this(
        config,
        scheduler,
        binder,
        quotas,
        stats,
        ports,
        InstantSource.system(),
        new SecureRandom());
  }

  /**
   * A shard with an explicit wall clock (REST credential expiry) and random source (relay ports,
   * reservation tokens); for tests.
   */
  public TurnServer(
      TurnServerConfig config,
      Scheduler scheduler,
      RelayBinder binder,
      TurnQuotas quotas,
      TurnStats stats,
      InstantSource wallClock,
      RandomGenerator random) {
    this(config, scheduler, binder, quotas, stats, new RelayPortPool(config), wallClock, random);
  }

  /** A shard with a shared port pool, an explicit wall clock and random source. */
  public TurnServer(
      TurnServerConfig config,
      Scheduler scheduler,
      RelayBinder binder,
      TurnQuotas quotas,
      TurnStats stats,
      RelayPortPool portPool,
      InstantSource wallClock,
      RandomGenerator random) {
    this.config = Objects.requireNonNull(config, "config");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    Objects.requireNonNull(binder, "binder");
    Objects.requireNonNull(quotas, "quotas");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    Objects.requireNonNull(random, "random");
    this.binding = new StunBindingServer(config.software());
    this.responses = new Responses(config.software(), config.realm());
    this.auth =
        new LongTermAuth(
            config.realm(),
            config.users(),
            config.restCredentials(),
            new NonceCodec(config.nonceSecret(), config.nonceLifetime().toNanos()));
    PeerCheck peers =
        new PeerCheck(
            config.peerPolicy().withServerAddresses(ownAddresses(config)),
            config.allowRelayToRelay(),
            relayAddresses(config),
            config.relayPortMin(),
            config.relayPortMax());
    this.relay =
        new Relay(
            stats,
            scheduler,
            peers,
            new SplittableRandom(random.nextLong()),
            config.maxMessageSize());
    Objects.requireNonNull(portPool, "portPool");
    if (portPool.min() != config.relayPortMin() || portPool.max() != config.relayPortMax()) {
      throw new IllegalArgumentException("the port pool does not cover the config's relay ports");
    }
    this.ports = new RelayPorts(binder, relay, scheduler, random, portPool);
    this.allocations = new Allocations(scheduler, quotas, stats);
    this.requests =
        new Requests(config, scheduler, allocations, ports, quotas, stats, peers, responses);
  }

  /**
   * Handles one message from {@code from}: one UDP datagram, or one whole STUN or ChannelData
   * message of a stream. Call on the scheduler. Never throws: malformed input is dropped and
   * counted.
   */
  public void handle(ClientConnection from, byte[] message) {
    try {
      if (closed) {
        return;
      }
      if (message == null || message.length == 0) {
        stats.recordMalformed();
        return;
      }
      if (message.length > config.maxMessageSize()) {
        stats.recordMalformed();
        return;
      }
      int top = message[0] & 0xC0;
      if (top == 0x40) {
        relay.channelDataFromClient(allocations.get(from), message);
      } else if (top != 0) {
        stats.recordMalformed();
      } else if (SendIndication.isSendIndication(message)) {
        relay.sendIndication(allocations.get(from), message);
      } else {
        stun(from, message);
      }
    } catch (RuntimeException e) {
      stats.recordRefusal(TurnStats.REASON_INTERNAL_ERROR);
      if (!loggedFailure) {
        loggedFailure = true;
        log.warn("TURN message from {} failed; dropped (logged once)", from, e);
      }
    }
  }

  /** The client's TCP or TLS connection closed: its allocation is deleted at once. */
  public void connectionClosed(ClientConnection from) {
    var a = allocations.get(from);
    if (a != null) {
      allocations.delete(a);
    }
  }

  /** Allocations on this shard now. */
  public int allocationCount() {
    return allocations.size();
  }

  /** Deletes every allocation and releases every relay socket (reserved ones included). */
  @Override
  public void close() {
    closed = true;
    allocations.deleteAll();
    ports.closeReservations();
  }

  private void stun(ClientConnection from, byte[] message) {
    StunMessage request;
    try {
      request = StunMessage.decode(message);
    } catch (StunException e) {
      stats.recordMalformed();
      return;
    }
    if (request.hasFingerprint() && !request.verifyFingerprint()) {
      stats.recordMalformed();
      return;
    }
    if (request.messageClass() != StunClass.REQUEST) {
      return; // indications other than Send, and responses, are ignored
    }
    StunMethod method = request.method();
    if (method.equals(StunMethod.BINDING)) {
      StunServerResult r = binding.handle(message, 0, message.length, from.clientAddress());
      if (r.response() != null) {
        from.send(r.response());
      }
      return;
    }
    if (!method.equals(StunMethod.ALLOCATE)
        && !method.equals(StunMethod.REFRESH)
        && !method.equals(StunMethod.CREATE_PERMISSION)
        && !method.equals(StunMethod.CHANNEL_BIND)) {
      stats.recordRefusal(TurnStats.REASON_BAD_REQUEST);
      from.send(responses.error(request, ErrorCode.BAD_REQUEST, null));
      return;
    }
    byte[] response = authenticated(from, request);
    if (response != null) {
      from.send(response);
    }
  }

  private byte[] authenticated(ClientConnection from, StunMessage request) {
    InetAddress ip = from.clientAddress().getAddress();
    long now = scheduler.nanoTime();
    LongTermAuth.Outcome outcome = auth.check(request, ip, now, wallClock.instant());
    Credential cred = outcome.credential();
    switch (outcome.kind()) {
      case CHALLENGE -> {
        stats.recordRefusal(TurnStats.REASON_UNAUTHENTICATED);
        return responses.challenge(request, ErrorCode.UNAUTHENTICATED, auth.nonce(ip, now), null);
      }
      case BAD_REQUEST -> {
        stats.recordRefusal(TurnStats.REASON_BAD_REQUEST);
        return responses.error(request, ErrorCode.BAD_REQUEST, null);
      }
      case UNAUTHORIZED -> {
        stats.recordAuthFailure();
        return responses.challenge(request, ErrorCode.UNAUTHENTICATED, auth.nonce(ip, now), null);
      }
      case STALE_NONCE -> {
        stats.recordRefusal(TurnStats.REASON_STALE_NONCE);
        return responses.challenge(request, ErrorCode.STALE_NONCE, auth.nonce(ip, now), cred);
      }
      default -> {
        // authenticated
      }
    }
    List<Integer> unknown = unknownRequired(request);
    if (!unknown.isEmpty()) {
      stats.recordRefusal(TurnStats.REASON_UNKNOWN_ATTRIBUTE);
      return responses.error(
          request, ErrorCode.UNKNOWN_ATTRIBUTE, cred, List.of(new UnknownAttributes(unknown)));
    }
    StunMethod method = request.method();
    if (method.equals(StunMethod.ALLOCATE)) {
      return requests.allocate(from, request, cred);
    } else if (method.equals(StunMethod.REFRESH)) {
      return requests.refresh(from, request, cred);
    } else if (method.equals(StunMethod.CREATE_PERMISSION)) {
      return requests.createPermission(from, request, cred);
    }
    return requests.channelBind(from, request, cred);
  }

  /** Comprehension-required attributes without a codec, before MESSAGE-INTEGRITY. */
  private static List<Integer> unknownRequired(StunMessage request) {
    Set<Integer> unknown = new LinkedHashSet<>();
    for (StunAttribute a : request.attributes()) {
      if (a.type() == 0x0008 || a.type() == 0x001C) {
        break;
      }
      if (a instanceof RawAttribute raw && raw.isComprehensionRequired()) {
        unknown.add(raw.type());
      }
    }
    return new ArrayList<>(unknown);
  }

  private static List<InetAddress> ownAddresses(TurnServerConfig config) {
    List<InetAddress> own = new ArrayList<>(config.serverAddresses());
    own.addAll(relayAddresses(config));
    return own;
  }

  private static List<InetAddress> relayAddresses(TurnServerConfig config) {
    List<InetAddress> own = new ArrayList<>();
    for (InetAddress a :
        new InetAddress[] {
          config.relayIpv4(), config.relayIpv6(), config.externalIpv4(), config.externalIpv6()
        }) {
      if (a != null) {
        own.add(a);
      }
    }
    return own;
  }
}
