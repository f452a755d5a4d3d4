package dev.squall.peer;

import dev.squall.ice.IceConfig;
import dev.squall.signal.IceServer;
import dev.squall.turn.client.TurnEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps W3C {@code RTCIceServer} entries (a Squall room's {@code joined.iceServers}, or an
 * application's own) onto an {@link IceConfig}: {@code stun:} URLs become STUN servers ({@link
 * StunServers}), {@code turn:} and {@code turns:} URLs (RFC 7065, {@code ?transport=udp|tcp}) TURN
 * servers with the entry's {@code username} and {@code credential}. A TURN URL without a
 * credential, or one that is malformed or does not resolve, is skipped with one log line. Host
 * names are resolved here, which may block on DNS: call it off event loops. Stateless.
 */
public final class IceServers {

  private static final Logger LOG = LoggerFactory.getLogger(IceServers.class);

  private IceServers() {}

  /** {@code base} with the STUN and TURN servers of {@code servers} (replacing any it had). */
  public static IceConfig apply(IceConfig base, List<IceServer> servers) {
    return base.withStunServers(StunServers.resolve(servers)).withTurnServers(turnServers(servers));
  }

  /** The TURN servers among {@code servers}, resolved, without duplicates. */
  public static List<TurnEndpoint> turnServers(List<IceServer> servers) {
    Set<TurnEndpoint> out = new LinkedHashSet<>();
    List<String> skipped = new ArrayList<>();
    for (IceServer server : servers) {
      for (String url : server.urls()) {
        String u = url.strip();
        String scheme = u.toLowerCase(Locale.ROOT);
        if (!scheme.startsWith("turn:") && !scheme.startsWith("turns:")) {
          continue;
        }
        if (server.username() == null || server.credential() == null) {
          skipped.add(u + " (no username or credential)");
          continue;
        }
        try {
          out.add(TurnEndpoint.parse(u, server.username(), server.credential()));
        } catch (IllegalArgumentException e) {
          skipped.add(u + " (" + e.getMessage() + ")");
        }
      }
    }
    if (!skipped.isEmpty()) {
      LOG.info("TURN servers skipped: {}", skipped);
    }
    return List.copyOf(out);
  }
}
