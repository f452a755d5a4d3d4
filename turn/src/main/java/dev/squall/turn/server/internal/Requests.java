package dev.squall.turn.server.internal;

import dev.squall.stun.StunMessage;
import dev.squall.stun.attribute.AdditionalAddressFamily;
import dev.squall.stun.attribute.AddressErrorCode;
import dev.squall.stun.attribute.ChannelNumber;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.stun.attribute.EvenPort;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.stun.attribute.MessageIntegrity;
import dev.squall.stun.attribute.MessageIntegritySha256;
import dev.squall.stun.attribute.RequestedAddressFamily;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.ReservationToken;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.attribute.XorMappedAddress;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.stun.attribute.XorRelayedAddress;
import dev.squall.turn.server.ClientConnection;
import dev.squall.turn.server.TurnQuotas;
import dev.squall.turn.server.TurnServerConfig;
import dev.squall.turn.server.TurnStats;
import dev.squall.util.Clock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The authenticated TURN requests of one shard: Allocate (RFC 8656 §7.2), Refresh (§7.3),
 * CreatePermission (§9.2) and ChannelBind (§12.2). Each returns the encoded response, protected
 * with the request's credential, and counts refusals. Not thread-safe (one shard).
 */
public final class Requests {

  private final TurnServerConfig config;
  private final Clock clock;
  private final Allocations allocations;
  private final RelayPorts ports;
  private final TurnQuotas quotas;
  private final TurnStats stats;
  private final PeerCheck peers;
  private final Responses responses;

  public Requests(
      TurnServerConfig config,
      Clock clock,
      Allocations allocations,
      RelayPorts ports,
      TurnQuotas quotas,
      TurnStats stats,
      PeerCheck peers,
      Responses responses) {
    this.config = config;
    this.clock = clock;
    this.allocations = allocations;
    this.ports = ports;
    this.quotas = quotas;
    this.stats = stats;
    this.peers = peers;
    this.responses = responses;
  }

  // ---- Allocate ----

  public byte[] allocate(ClientConnection from, StunMessage req, Credential cred) {
    Allocation existing = allocations.get(from);
    if (existing != null) {
      if (existing.allocateTransaction().equals(req.transactionId())
          && existing.credential().username().equals(cred.username())) {
        return existing.allocateResponse(); // a retransmission: the same answer
      }
      return refuse(req, Responses.ALLOCATION_MISMATCH, cred, TurnStats.REASON_ALLOCATION_MISMATCH);
    }
    Optional<RequestedTransport> transport = req.attribute(RequestedTransport.class);
    if (transport.isEmpty()) {
      return badRequest(req, cred);
    }
    if (transport.get().protocol() != RequestedTransport.UDP) {
      return refuse(
          req, Responses.UNSUPPORTED_TRANSPORT, cred, TurnStats.REASON_UNSUPPORTED_TRANSPORT);
    }
    Optional<ReservationToken> token = req.attribute(ReservationToken.class);
    Optional<EvenPort> even = req.attribute(EvenPort.class);
    Optional<RequestedAddressFamily> family = req.attribute(RequestedAddressFamily.class);
    Optional<AdditionalAddressFamily> additional = req.attribute(AdditionalAddressFamily.class);
    if (token.isPresent() && (even.isPresent() || family.isPresent() || additional.isPresent())) {
      return badRequest(req, cred);
    }
    if (family.isPresent() && additional.isPresent()) {
      return badRequest(req, cred);
    }
    if (additional.isPresent() && additional.get().family() != AdditionalAddressFamily.IPV6) {
      return badRequest(req, cred);
    }
    boolean ipv6 = false;
    if (family.isPresent()) {
      int f = family.get().family();
      if (f != RequestedAddressFamily.IPV4 && f != RequestedAddressFamily.IPV6) {
        return refuse(
            req, Responses.ADDRESS_FAMILY_NOT_SUPPORTED, cred, TurnStats.REASON_ADDRESS_FAMILY);
      }
      ipv6 = f == RequestedAddressFamily.IPV6;
    }
    if (token.isEmpty() && config.relayAddress(ipv6) == null) {
      return refuse(
          req, Responses.ADDRESS_FAMILY_NOT_SUPPORTED, cred, TurnStats.REASON_ADDRESS_FAMILY);
    }
    TurnQuotas.Result quota = quotas.tryAcquire(cred.quotaUser());
    if (quota != TurnQuotas.Result.ACQUIRED) {
      return refuse(
          req,
          Responses.ALLOCATION_QUOTA_REACHED,
          cred,
          quota == TurnQuotas.Result.USER_LIMIT
              ? TurnStats.REASON_QUOTA_USER
              : TurnStats.REASON_QUOTA_TOTAL);
    }
    long[] reservation = {0};
    boolean reserved = false;
    RelaySocket primary;
    if (token.isPresent()) {
      primary = ports.claim(ByteBuffer.wrap(token.get().token()).getLong());
      if (primary != null) {
        ipv6 = primary.ipv6();
      }
    } else if (even.isPresent()) {
      reserved = even.get().reserveNext();
      primary =
          ports.bindEven(
              config.relayAddress(ipv6),
              config.advertisedAddress(ipv6),
              ipv6,
              reserved,
              reservation);
    } else {
      primary = ports.bind(config.relayAddress(ipv6), config.advertisedAddress(ipv6), ipv6);
    }
    if (primary == null) {
      quotas.release(cred.quotaUser());
      return refuse(
          req, Responses.INSUFFICIENT_CAPACITY, cred, TurnStats.REASON_INSUFFICIENT_CAPACITY);
    }
    List<StunAttribute> attributes = new ArrayList<>();
    attributes.add(new XorRelayedAddress(primary.advertised()));
    RelaySocket second = null;
    if (additional.isPresent()) {
      if (config.relayIpv6() == null) {
        attributes.add(
            new AddressErrorCode(
                AdditionalAddressFamily.IPV6,
                Responses.ADDRESS_FAMILY_NOT_SUPPORTED,
                "Address Family not Supported"));
      } else {
        second = ports.bind(config.relayIpv6(), config.advertisedAddress(true), true);
        if (second == null) {
          attributes.add(
              new AddressErrorCode(
                  AdditionalAddressFamily.IPV6,
                  Responses.INSUFFICIENT_CAPACITY,
                  "Insufficient Capacity"));
        } else {
          attributes.add(new XorRelayedAddress(second.advertised()));
        }
      }
    }
    Duration lifetime = clamp(req.attribute(Lifetime.class));
    attributes.add(new Lifetime(lifetime.getSeconds()));
    if (reserved) {
      attributes.add(new ReservationToken(ByteBuffer.allocate(8).putLong(reservation[0]).array()));
    }
    attributes.add(new XorMappedAddress(from.clientAddress()));
    long now = clock.nanoTime();
    TokenBucket toPeer = bucket(now);
    TokenBucket toClient = bucket(now);
    Allocation allocation =
        new Allocation(
            from,
            cred,
            req.transactionId(),
            ipv6 ? second : primary,
            ipv6 ? primary : second,
            toPeer,
            toClient);
    byte[] response = responses.success(req, attributes, cred);
    allocation.allocateResponse(response);
    allocations.add(allocation, lifetime);
    return response;
  }

  private TokenBucket bucket(long now) {
    long rate = config.bandwidthBytesPerSecond();
    return rate == 0 ? null : new TokenBucket(rate, config.bandwidthBurstBytes(), now);
  }

  // ---- Refresh ----

  public byte[] refresh(ClientConnection from, StunMessage req, Credential cred) {
    Allocation a = allocations.get(from);
    byte[] error = checkAllocation(a, req, cred);
    if (error != null) {
      return error;
    }
    Optional<RequestedAddressFamily> family = req.attribute(RequestedAddressFamily.class);
    if (family.isPresent()) {
      int f = family.get().family();
      boolean has =
          (f == RequestedAddressFamily.IPV4 && a.ipv4() != null)
              || (f == RequestedAddressFamily.IPV6 && a.ipv6() != null);
      if (!has) {
        return refuse(
            req,
            Responses.PEER_ADDRESS_FAMILY_MISMATCH,
            cred,
            TurnStats.REASON_PEER_FAMILY_MISMATCH);
      }
    }
    Optional<Lifetime> requested = req.attribute(Lifetime.class);
    if (requested.isPresent() && requested.get().seconds() == 0) {
      allocations.delete(a);
      return responses.success(req, List.of(new Lifetime(0)), cred);
    }
    Duration lifetime = clamp(requested);
    allocations.refresh(a, lifetime);
    return responses.success(req, List.of(new Lifetime(lifetime.getSeconds())), cred);
  }

  // ---- CreatePermission ----

  public byte[] createPermission(ClientConnection from, StunMessage req, Credential cred) {
    Allocation a = allocations.get(from);
    byte[] error = checkAllocation(a, req, cred);
    if (error != null) {
      return error;
    }
    List<InetAddress> addresses = new ArrayList<>();
    for (StunAttribute attribute : beforeIntegrity(req)) {
      if (attribute instanceof XorPeerAddress peer) {
        addresses.add(peer.address().getAddress());
      }
    }
    if (addresses.isEmpty()) {
      return badRequest(req, cred);
    }
    for (InetAddress address : addresses) {
      if (a.relayFor(address) == null) {
        return refuse(
            req,
            Responses.PEER_ADDRESS_FAMILY_MISMATCH,
            cred,
            TurnStats.REASON_PEER_FAMILY_MISMATCH);
      }
      String refusal = peers.refusal(address);
      if (refusal != null) {
        stats.recordPeerRefusal(refusal);
        return responses.error(req, Responses.FORBIDDEN, cred);
      }
    }
    long now = clock.nanoTime();
    if (!a.canPermit(addresses, config.maxPermissionsPerAllocation(), now)) {
      return refuse(
          req, Responses.INSUFFICIENT_CAPACITY, cred, TurnStats.REASON_INSUFFICIENT_CAPACITY);
    }
    long expiresAt = now + config.permissionLifetime().toNanos();
    for (InetAddress address : addresses) {
      a.permit(address, expiresAt);
    }
    return responses.success(req, List.of(), cred);
  }

  // ---- ChannelBind ----

  public byte[] channelBind(ClientConnection from, StunMessage req, Credential cred) {
    Allocation a = allocations.get(from);
    byte[] error = checkAllocation(a, req, cred);
    if (error != null) {
      return error;
    }
    Optional<ChannelNumber> number = req.attribute(ChannelNumber.class);
    Optional<XorPeerAddress> peerAttribute = req.attribute(XorPeerAddress.class);
    if (number.isEmpty() || peerAttribute.isEmpty() || !number.get().isValid()) {
      return badRequest(req, cred);
    }
    int channel = number.get().channel();
    InetSocketAddress peer = peerAttribute.get().address();
    if (a.relayFor(peer.getAddress()) == null) {
      return refuse(
          req, Responses.PEER_ADDRESS_FAMILY_MISMATCH, cred, TurnStats.REASON_PEER_FAMILY_MISMATCH);
    }
    String refusal = peers.refusal(peer);
    if (refusal != null) {
      stats.recordPeerRefusal(refusal);
      return responses.error(req, Responses.FORBIDDEN, cred);
    }
    long now = clock.nanoTime();
    Channel byNumber = a.channel(channel, now);
    Channel byPeer = a.channelForPeer(peer, now);
    if ((byNumber != null && !byNumber.peer().equals(peer))
        || (byPeer != null && byPeer.number() != channel)) {
      return badRequest(req, cred); // §12.2: neither may be bound to something else
    }
    if ((byNumber == null && a.channelCount(now) >= config.maxChannelsPerAllocation())
        || !a.canPermit(List.of(peer.getAddress()), config.maxPermissionsPerAllocation(), now)) {
      return refuse(
          req, Responses.INSUFFICIENT_CAPACITY, cred, TurnStats.REASON_INSUFFICIENT_CAPACITY);
    }
    a.bind(channel, peer, now + config.channelLifetime().toNanos(), now);
    a.permit(peer.getAddress(), now + config.permissionLifetime().toNanos());
    return responses.success(req, List.of(), cred);
  }

  // ---- shared ----

  /** 437 without an allocation, 441 when it belongs to other credentials; else null. */
  private byte[] checkAllocation(Allocation a, StunMessage req, Credential cred) {
    if (a == null) {
      return refuse(req, Responses.ALLOCATION_MISMATCH, cred, TurnStats.REASON_ALLOCATION_MISMATCH);
    }
    if (!a.credential().username().equals(cred.username())) {
      return refuse(req, Responses.WRONG_CREDENTIALS, cred, TurnStats.REASON_WRONG_CREDENTIALS);
    }
    return null;
  }

  /** The requested lifetime (or the default) clamped to [min, max] (RFC 8656 §7.2, §7.3). */
  private Duration clamp(Optional<Lifetime> requested) {
    Duration d =
        requested.map(l -> Duration.ofSeconds(l.seconds())).orElse(config.defaultLifetime());
    if (d.compareTo(config.minLifetime()) < 0) {
      return config.minLifetime();
    }
    return d.compareTo(config.maxLifetime()) > 0 ? config.maxLifetime() : d;
  }

  private byte[] badRequest(StunMessage req, Credential cred) {
    return refuse(req, ErrorCode.BAD_REQUEST, cred, TurnStats.REASON_BAD_REQUEST);
  }

  private byte[] refuse(StunMessage req, int code, Credential cred, String reason) {
    stats.recordRefusal(reason);
    return responses.error(req, code, cred);
  }

  /** The attributes before MESSAGE-INTEGRITY (RFC 8489 §14.5: later ones are ignored). */
  static List<StunAttribute> beforeIntegrity(StunMessage m) {
    List<StunAttribute> out = new ArrayList<>();
    for (StunAttribute a : m.attributes()) {
      if (a instanceof MessageIntegrity || a instanceof MessageIntegritySha256) {
        break;
      }
      out.add(a);
    }
    return out;
  }
}
