package dev.squall.turn.server.internal;

import dev.squall.net.DatagramTransport;
import dev.squall.turn.server.RelayBinder;
import dev.squall.turn.server.RelayPortPool;
import dev.squall.util.Cancellable;
import dev.squall.util.Scheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds relay sockets on random ports of the configured range (RFC 8656 §7.2 recommends random
 * ports, RFC 6056), taking each port from the server's {@link RelayPortPool} first (so shards never
 * try a port another shard holds) and giving it back when the socket closes, trying other ports
 * when a bind fails (the port is held by another process), and keeps the ports reserved by
 * EVEN-PORT with the R bit: the next higher port, bound and held for {@link #RESERVATION_LIFETIME}
 * under an 8-byte token.
 *
 * <p>Reservations live on the shard that made them: an Allocate presenting the token on another
 * shard finds nothing and gets 508, which RFC 8656 §7.2 prescribes for an unknown token. One
 * instance per shard; not thread-safe.
 */
public final class RelayPorts {

  /** How long a reserved port is held (RFC 8656 §7.2: "about 30 seconds"). */
  public static final Duration RESERVATION_LIFETIME = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(RelayPorts.class);
  private static final int ATTEMPTS = 40;

  private record Reservation(RelaySocket socket, Cancellable timer) {}

  private final RelayBinder binder;
  private final PeerDatagramHandler handler;
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private final RelayPortPool pool;
  private final Map<Long, Reservation> reservations = new HashMap<>();
  private boolean loggedBindFailure;

  /**
   * @param handler receives every datagram of every relay socket bound here
   */
  public RelayPorts(
      RelayBinder binder,
      PeerDatagramHandler handler,
      Scheduler scheduler,
      RandomGenerator random,
      RelayPortPool pool) {
    this.binder = binder;
    this.handler = handler;
    this.scheduler = scheduler;
    this.random = random;
    this.pool = pool;
  }

  /** A socket on a random port of the range, or null when none could be bound. */
  public RelaySocket bind(InetAddress address, InetAddress advertised, boolean ipv6) {
    for (int i = 0; i < ATTEMPTS; i++) {
      int port = pool.take(random);
      if (port < 0) {
        return null;
      }
      RelaySocket s = tryBind(address, advertised, port, ipv6);
      if (s != null) {
        return s;
      }
      pool.release(port);
    }
    return null;
  }

  /**
   * A socket on a random even port; with {@code reserveNext} the port above it is bound too and
   * reserved, and its token returned in {@code tokenOut[0]}. Null when no pair could be bound.
   */
  public RelaySocket bindEven(
      InetAddress address,
      InetAddress advertised,
      boolean ipv6,
      boolean reserveNext,
      long[] tokenOut) {
    for (int i = 0; i < ATTEMPTS; i++) {
      int port = pool.takeEven(random, reserveNext);
      if (port < 0) {
        return null;
      }
      RelaySocket s = tryBind(address, advertised, port, ipv6);
      if (s == null) {
        pool.release(port);
        if (reserveNext) {
          pool.release(port + 1);
        }
        continue;
      }
      if (!reserveNext) {
        return s;
      }
      RelaySocket next = tryBind(address, advertised, port + 1, ipv6);
      if (next == null) {
        s.close();
        pool.release(port + 1);
        continue;
      }
      long token = random.nextLong();
      while (reservations.containsKey(token)) {
        token = random.nextLong();
      }
      long key = token;
      Cancellable timer = scheduler.schedule(RESERVATION_LIFETIME, () -> expire(key));
      reservations.put(key, new Reservation(next, timer));
      tokenOut[0] = key;
      return s;
    }
    return null;
  }

  /** Takes the socket reserved under {@code token}, or null when there is none (any longer). */
  public RelaySocket claim(long token) {
    Reservation r = reservations.remove(token);
    if (r == null) {
      return null;
    }
    r.timer().cancel();
    return r.socket();
  }

  /** Sockets held in reserve. */
  public int reserved() {
    return reservations.size();
  }

  /** Closes every reserved socket. */
  public void closeReservations() {
    reservations
        .values()
        .forEach(
            r -> {
              r.timer().cancel();
              r.socket().close();
            });
    reservations.clear();
  }

  private void expire(long token) {
    Reservation r = reservations.remove(token);
    if (r != null) {
      r.socket().close();
    }
  }

  private RelaySocket tryBind(InetAddress address, InetAddress advertised, int port, boolean ipv6) {
    DatagramTransport t;
    try {
      t = binder.bind(address, port, scheduler);
    } catch (Exception e) {
      if (!loggedBindFailure) {
        loggedBindFailure = true;
        log.debug("relay bind {}:{} failed ({}); trying other ports", address, port, e.toString());
      }
      return null;
    }
    int bound = t.localAddress().getPort();
    if (bound != port) {
      t.close(); // a binder must bind the port asked for
      return null;
    }
    RelaySocket socket =
        new RelaySocket(t, new InetSocketAddress(advertised, port), ipv6, () -> pool.release(port));
    try {
      t.onReceive((from, data) -> handler.fromPeer(socket, from, data));
    } catch (RuntimeException e) {
      t.close();
      return null;
    }
    return socket;
  }
}
