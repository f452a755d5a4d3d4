package dev.squall.server.internal.turn;

import dev.squall.signal.IceServer;
import dev.squall.turn.TurnRestCredentials;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The {@code iceServers} entry for this server's own TURN relay, with a fresh credential on every
 * call (every join and resume): TURN REST API style ({@code <expiry>:<random id>}, Base64 HMAC-SHA1
 * with the server's secret), valid for {@code ttl}. The URLs name {@code turn:HOST:PORT} over UDP
 * and TCP and, when TURN over TLS runs, {@code turns:HOST:TLS_PORT?transport=tcp}.
 *
 * <p>Each credential gets its own random user id, so the per-user allocation limit applies per
 * joined client. Thread-safe.
 */
public final class TurnIceServer {

  private static final Base64.Encoder ID = Base64.getUrlEncoder().withoutPadding();

  private final TurnRestCredentials credentials;
  private final int port;
  private final int tlsPort;
  private final Duration ttl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param port the TURN port over UDP and TCP
   * @param tlsPort the TURN-over-TLS port, or -1 when it is off
   */
  public TurnIceServer(
      TurnRestCredentials credentials, int port, int tlsPort, Duration ttl, Clock clock) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.port = port;
    this.tlsPort = tlsPort;
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The entry for a client that reached the server as {@code host} (a host name, an IPv4 literal or
   * a bracketed IPv6 literal).
   */
  public IceServer forHost(String host) {
    List<String> urls = new ArrayList<>(3);
    urls.add("turn:" + host + ":" + port + "?transport=udp");
    urls.add("turn:" + host + ":" + port + "?transport=tcp");
    if (tlsPort > 0) {
      urls.add("turns:" + host + ":" + tlsPort + "?transport=tcp");
    }
    byte[] id = new byte[9];
    random.nextBytes(id);
    TurnRestCredentials.Credential c =
        credentials.mint(ID.encodeToString(id), clock.instant().plus(ttl));
    return new IceServer(urls, c.username(), c.password());
  }
}
