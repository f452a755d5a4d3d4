package dev.squall.turn.server.internal;

import dev.squall.stun.TransactionId;
import dev.squall.turn.server.ClientConnection;
import dev.squall.util.Cancellable;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One allocation (RFC 8656 §2.2): the client's 5-tuple, the credential that made it (later requests
 * must use the same, §5), one or two relay sockets (IPv4 and/or IPv6), the permissions (peer IP
 * address to expiry, §9) and the channel bindings (§12), the bandwidth buckets, and the expiry
 * timer.
 *
 * <p>Permissions and channels expire lazily: every lookup compares the expiry with the scheduler's
 * clock, so a permission stops relaying the instant it expires; expired entries are purged when the
 * table is full or rebound. The tables never hold more than the configured limits. Lives on one
 * shard's scheduler; not thread-safe.
 */
public final class Allocation {

  /** The expiry of one permission (mutable so that a refresh allocates nothing). */
  private static final class Permission {
    long expiresAt;

    Permission(long expiresAt) {
      this.expiresAt = expiresAt;
    }
  }

  private final ClientConnection client;
  private final Credential credential;
  private final TransactionId allocateTransaction;
  private final RelaySocket ipv4;
  private final RelaySocket ipv6;
  private final TokenBucket toPeer;
  private final TokenBucket toClient;
  private final Map<InetAddress, Permission> permissions = new HashMap<>();
  private final Map<InetSocketAddress, Channel> channelsByPeer = new HashMap<>();
  private final List<Channel> channels = new ArrayList<>();
  private byte[] allocateResponse;
  private Cancellable expiryTimer = Cancellable.NONE;
  private long expiresAt;
  private boolean deleted;

  public Allocation(
      ClientConnection client,
      Credential credential,
      TransactionId allocateTransaction,
      RelaySocket ipv4,
      RelaySocket ipv6,
      TokenBucket toPeer,
      TokenBucket toClient) {
    this.client = client;
    this.credential = credential;
    this.allocateTransaction = allocateTransaction;
    this.ipv4 = ipv4;
    this.ipv6 = ipv6;
    this.toPeer = toPeer;
    this.toClient = toClient;
    if (ipv4 != null) {
      ipv4.owner(this);
    }
    if (ipv6 != null) {
      ipv6.owner(this);
    }
  }

  public ClientConnection client() {
    return client;
  }

  public Credential credential() {
    return credential;
  }

  /** The transaction of the Allocate that created this allocation (retransmissions match it). */
  public TransactionId allocateTransaction() {
    return allocateTransaction;
  }

  /** The success response sent for the Allocate, replayed for its retransmissions. */
  public byte[] allocateResponse() {
    return allocateResponse;
  }

  public void allocateResponse(byte[] response) {
    this.allocateResponse = response;
  }

  /** The relay socket of the peer's family, or null when the allocation has none. */
  public RelaySocket relayFor(InetAddress peer) {
    return peer instanceof Inet6Address ? ipv6 : ipv4;
  }

  public RelaySocket ipv4() {
    return ipv4;
  }

  public RelaySocket ipv6() {
    return ipv6;
  }

  /** Null when relaying is not limited. */
  public TokenBucket toPeer() {
    return toPeer;
  }

  /** Null when relaying is not limited. */
  public TokenBucket toClient() {
    return toClient;
  }

  public long expiresAt() {
    return expiresAt;
  }

  /** Replaces the expiry timer (the old one is cancelled). */
  public void expiry(long expiresAtNanos, Cancellable timer) {
    expiryTimer.cancel();
    this.expiresAt = expiresAtNanos;
    this.expiryTimer = timer;
  }

  public boolean isDeleted() {
    return deleted;
  }

  // ---- permissions ----

  /** True when a permission for {@code peer}'s IP address is live at {@code now}. */
  public boolean hasPermission(InetAddress peer, long now) {
    Permission p = permissions.get(peer);
    return p != null && p.expiresAt - now > 0;
  }

  /** True when installing permissions for {@code peers} keeps the table within {@code max}. */
  public boolean canPermit(List<InetAddress> peers, int max, long now) {
    int added = 0;
    for (InetAddress peer : peers) {
      if (!permissions.containsKey(peer)) {
        added++;
      }
    }
    if (permissions.size() + added <= max) {
      return true;
    }
    purgePermissions(now);
    added = 0;
    for (InetAddress peer : peers) {
      if (!permissions.containsKey(peer)) {
        added++;
      }
    }
    return permissions.size() + added <= max;
  }

  /** Installs or refreshes the permission for {@code peer} until {@code expiresAt}. */
  public void permit(InetAddress peer, long expiresAtNanos) {
    Permission p = permissions.get(peer);
    if (p == null) {
      permissions.put(peer, new Permission(expiresAtNanos));
    } else {
      p.expiresAt = expiresAtNanos;
    }
  }

  /** Live permissions at {@code now}. */
  public int permissionCount(long now) {
    purgePermissions(now);
    return permissions.size();
  }

  private void purgePermissions(long now) {
    permissions.values().removeIf(p -> p.expiresAt - now <= 0);
  }

  // ---- channels ----

  /** The live channel bound to {@code peer}, or null. */
  public Channel channelForPeer(InetSocketAddress peer, long now) {
    Channel c = channelsByPeer.get(peer);
    return c != null && c.expiresAt() - now > 0 ? c : null;
  }

  /** The live channel with {@code number}, or null. */
  public Channel channel(int number, long now) {
    for (int i = 0, n = channels.size(); i < n; i++) {
      Channel c = channels.get(i);
      if (c.number() == number) {
        return c.expiresAt() - now > 0 ? c : null;
      }
    }
    return null;
  }

  /** Live channels at {@code now}. */
  public int channelCount(long now) {
    purgeChannels(now);
    return channels.size();
  }

  /**
   * Binds {@code number} to {@code peer} (or refreshes that binding) until {@code expiresAt}. The
   * caller has checked the §12.2 rules (neither side bound to something else) and the limit.
   */
  public void bind(int number, InetSocketAddress peer, long expiresAtNanos, long now) {
    Channel existing = channel(number, now);
    if (existing != null) {
      existing.expiresAt(expiresAtNanos);
      return;
    }
    purgeChannels(now);
    Channel c = new Channel(number, peer, expiresAtNanos);
    channels.add(c);
    channelsByPeer.put(peer, c);
  }

  private void purgeChannels(long now) {
    for (Iterator<Channel> it = channels.iterator(); it.hasNext(); ) {
      Channel c = it.next();
      if (c.expiresAt() - now <= 0) {
        it.remove();
        channelsByPeer.remove(c.peer(), c);
      }
    }
  }

  /** Releases the relay sockets and the timer. Idempotent. */
  public void delete() {
    if (deleted) {
      return;
    }
    deleted = true;
    expiryTimer.cancel();
    if (ipv4 != null) {
      ipv4.close();
    }
    if (ipv6 != null) {
      ipv6.close();
    }
    permissions.clear();
    channels.clear();
    channelsByPeer.clear();
  }
}
