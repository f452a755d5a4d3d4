package dev.squall.turn.client;

import dev.squall.stun.StunMethod;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.util.Cancellable;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The permissions of one allocation (RFC 8656 §9), by peer IP address. {@link #permit} asks for one
 * and returns at once; the IPs asked for within one scheduler turn go out together as one
 * CreatePermission with several XOR-PEER-ADDRESS attributes (16 at most). The server refuses a
 * whole batch when it forbids any one address (403), so a refused batch of several is retried one
 * address at a time, and only the forbidden ones fail. Datagrams sent to a peer whose permission is
 * still being installed wait (a few per peer) and leave once it is; a failed permission drops them,
 * and is asked for again at the next send once {@code retryAfter} has passed.
 *
 * <p>Every {@code permissionRefresh} (default 240 s, under the 300 s lifetime) all installed
 * permissions are refreshed together; when that gets no response it is retried after {@code
 * retryAfter} while the permission lives; one whose 300 s lifetime passes without a successful
 * refresh is dropped (the next send asks for it afresh), as is one the server refuses.
 */
final class Permissions {

  private static final int MAX_BATCH = 16;

  /** A permission's lifetime on the server (RFC 8656 §9: 300 s, not negotiable). */
  static final java.time.Duration LIFETIME = java.time.Duration.ofSeconds(300);

  enum State {
    PENDING,
    INSTALLED,
    FAILED
  }

  private static final class Entry {
    State state = State.PENDING;
    long failedAtNanos;
    long refreshedAtNanos;
    final ArrayDeque<Object[]> queue = new ArrayDeque<>();
    final List<CompletableFuture<Void>> waiters = new ArrayList<>();
  }

  private final TurnClient client;
  private final Map<InetAddress, Entry> entries = new LinkedHashMap<>();
  private final List<InetAddress> batch = new ArrayList<>();
  private boolean flushScheduled;
  private boolean stopped;
  private Cancellable refreshTimer = Cancellable.NONE;

  Permissions(TurnClient client) {
    this.client = client;
  }

  /** Asks for a permission for {@code ip}; completes once it is installed. */
  CompletableFuture<Void> permit(InetAddress ip) {
    Entry e = entries.get(ip);
    if (e != null && e.state == State.INSTALLED) {
      return CompletableFuture.completedFuture(null);
    }
    if (e == null || (e.state == State.FAILED && retryAllowed(e))) {
      if (e == null) {
        e = new Entry();
        entries.put(ip, e);
      }
      e.state = State.PENDING;
      batch.add(ip);
      scheduleFlush();
    }
    if (e.state == State.FAILED) {
      return CompletableFuture.failedFuture(
          new TurnException(403, "the permission for " + ip.getHostAddress() + " was refused"));
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    e.waiters.add(f);
    return f;
  }

  boolean isInstalled(InetAddress ip) {
    Entry e = entries.get(ip);
    return e != null && e.state == State.INSTALLED;
  }

  /** The IPs with an installed permission. */
  List<InetAddress> installed() {
    return entries.entrySet().stream()
        .filter(x -> x.getValue().state == State.INSTALLED)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Transmits at once when permitted, else queues the datagram and asks for the permission. */
  void send(InetSocketAddress peer, byte[] data) {
    InetAddress ip = peer.getAddress();
    if (isInstalled(ip)) {
      client.transmit(peer, data);
      return;
    }
    permit(ip);
    Entry e = entries.get(ip);
    if (e.state == State.PENDING && e.queue.size() < client.config().maxQueuedPerPeer()) {
      e.queue.add(new Object[] {peer, data});
    } else {
      client.stats.droppedNoPermission++;
    }
  }

  /** Cancels the refresh timer and fails every waiter. */
  void stop() {
    stopped = true;
    refreshTimer.cancel();
    for (Entry e : entries.values()) {
      e.queue.clear();
      fail(e.waiters, new TurnException(TurnException.CLOSED, "the allocation closed"));
    }
  }

  /** An installed permission whose refreshes went unanswered for its whole lifetime. */
  private boolean expired(InetAddress ip) {
    Entry e = entries.get(ip);
    return e != null
        && e.state == State.INSTALLED
        && client.scheduler().nanoTime() - e.refreshedAtNanos
            >= LIFETIME.toNanos() - client.config().retryAfter().toNanos();
  }

  private boolean retryAllowed(Entry e) {
    long retry = client.config().retryAfter().toNanos();
    return client.scheduler().nanoTime() - e.failedAtNanos >= retry;
  }

  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      client.scheduler().execute(this::flush);
    }
  }

  private void flush() {
    flushScheduled = false;
    if (stopped) {
      return;
    }
    List<InetAddress> all = List.copyOf(batch);
    batch.clear();
    for (int i = 0; i < all.size(); i += MAX_BATCH) {
      request(all.subList(i, Math.min(all.size(), i + MAX_BATCH)), false);
    }
  }

  private void request(List<InetAddress> ips, boolean refresh) {
    List<StunAttribute> peers = new ArrayList<>();
    for (InetAddress ip : ips) {
      peers.add(new XorPeerAddress(new InetSocketAddress(ip, 0)));
    }
    client.stats.permissionRequests++;
    client
        .requests()
        .send(StunMethod.CREATE_PERMISSION, peers)
        .whenComplete(
            (response, error) -> {
              if (stopped) {
                return;
              }
              if (error == null) {
                ips.forEach(this::installed);
                armRefresh();
              } else {
                refused(ips, refresh, (TurnException) unwrap(error));
              }
            });
  }

  private void refused(List<InetAddress> ips, boolean refresh, TurnException error) {
    if (error.code() == TurnException.CLOSED) {
      return;
    }
    if (error.isTimeout() && refresh) {
      for (InetAddress ip : ips) {
        dropAtExpiry(ip);
      }
      client
          .scheduler()
          .schedule(
              client.config().retryAfter(),
              () -> {
                if (stopped) {
                  return;
                }
                List<InetAddress> expired = ips.stream().filter(this::expired).toList();
                refused(expired, false, error);
                List<InetAddress> still =
                    ips.stream().filter(ip -> isInstalled(ip) && !expired(ip)).toList();
                if (!still.isEmpty()) {
                  request(still, true);
                }
              });
      return;
    }
    if (ips.size() > 1 && !error.isTimeout()) {
      for (InetAddress ip : ips) {
        request(List.of(ip), refresh); // find the forbidden one(s)
      }
      return;
    }
    for (InetAddress ip : ips) {
      Entry e = entries.get(ip);
      if (e == null) {
        continue;
      }
      e.state = State.FAILED;
      e.failedAtNanos = client.scheduler().nanoTime();
      client.stats.droppedNoPermission += e.queue.size();
      e.queue.clear();
      fail(e.waiters, error);
    }
  }

  /**
   * The refresh of {@code ip} went unanswered: unless a later refresh gets through, the server
   * forgets the permission {@link #LIFETIME} after the last successful one, and so do we.
   */
  private void dropAtExpiry(InetAddress ip) {
    Entry e = entries.get(ip);
    if (e == null || e.state != State.INSTALLED) {
      return;
    }
    long refreshedAt = e.refreshedAtNanos;
    long left = refreshedAt + LIFETIME.toNanos() - client.scheduler().nanoTime();
    client
        .scheduler()
        .schedule(
            java.time.Duration.ofNanos(Math.max(0, left)),
            () -> {
              if (!stopped
                  && entries.get(ip) == e
                  && e.state == State.INSTALLED
                  && e.refreshedAtNanos == refreshedAt) {
                entries.remove(ip); // the next send asks for it afresh
                client.stats.permissionsExpired++;
              }
            });
  }

  private void installed(InetAddress ip) {
    Entry e = entries.get(ip);
    if (e == null) {
      return;
    }
    e.refreshedAtNanos = client.scheduler().nanoTime();
    if (e.state == State.INSTALLED) {
      return;
    }
    e.state = State.INSTALLED;
    List<CompletableFuture<Void>> waiting = List.copyOf(e.waiters);
    e.waiters.clear();
    while (!e.queue.isEmpty()) {
      Object[] q = e.queue.poll();
      client.transmit((InetSocketAddress) q[0], (byte[]) q[1]);
    }
    waiting.forEach(f -> f.complete(null));
  }

  private void armRefresh() {
    if (refreshTimer != Cancellable.NONE) {
      return;
    }
    refreshTimer = client.scheduler().schedule(client.config().permissionRefresh(), this::refresh);
  }

  private void refresh() {
    refreshTimer = Cancellable.NONE;
    if (stopped) {
      return;
    }
    List<InetAddress> all = installed();
    for (int i = 0; i < all.size(); i += MAX_BATCH) {
      request(all.subList(i, Math.min(all.size(), i + MAX_BATCH)), true);
    }
    if (!all.isEmpty()) {
      client.stats.permissionRefreshes++;
    }
  }

  private static void fail(List<CompletableFuture<Void>> waiters, Throwable error) {
    List<CompletableFuture<Void>> copy = List.copyOf(waiters);
    waiters.clear();
    copy.forEach(f -> f.completeExceptionally(error));
  }

  static Throwable unwrap(Throwable error) {
    return error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
