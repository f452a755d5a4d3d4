package dev.squall.peer;

import dev.squall.signal.IceServer;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the {@code iceServers} a Squall room hands out in {@code joined} (W3C {@code RTCIceServer}
 * entries, docs/signaling.md) into the STUN server addresses of {@link
 * dev.squall.ice.IceConfig#withStunServers}: {@code stun:host[:port]} URLs (RFC 7064, port 3478 by
 * default, IPv6 literals in brackets). {@code turn:}/{@code turns:} URLs are left to {@link
 * IceServers}; {@code stuns:} (no STUN over TLS) is skipped with one debug line; malformed and
 * unresolvable URLs with another. Stateless.
 */
public final class StunServers {

  private static final Logger LOG = LoggerFactory.getLogger(StunServers.class);
  private static final int DEFAULT_PORT = 3478;

  private StunServers() {}

  /**
   * The addresses of every {@code stun:} URL, host names resolved (this may block on DNS: call it
   * off event loops), at most one IPv4 and one IPv6 address per URL, without duplicates.
   */
  public static List<InetSocketAddress> resolve(List<IceServer> servers) {
    Set<InetSocketAddress> out = new LinkedHashSet<>();
    List<String> skipped = new ArrayList<>();
    for (IceServer server : servers) {
      for (String url : server.urls()) {
        Optional<Target> target = parse(url);
        if (target.isEmpty()) {
          skipped.add(url);
          continue;
        }
        try {
          out.addAll(target.get().resolve());
        } catch (UnknownHostException e) {
          LOG.debug("STUN server {} not resolved: {}", url, e.getMessage());
        }
      }
    }
    if (!skipped.isEmpty()) {
      LOG.debug("ICE server URLs that are not stun: here: {}", skipped);
    }
    return List.copyOf(out);
  }

  /** A parsed {@code stun:} URL: its host (name or IP literal, without brackets) and port. */
  public record Target(String host, int port) {

    List<InetSocketAddress> resolve() throws UnknownHostException {
      InetAddress v4 = null;
      InetAddress v6 = null;
      for (InetAddress a : InetAddress.getAllByName(host)) {
        if (a instanceof Inet4Address && v4 == null) {
          v4 = a;
        } else if (a instanceof Inet6Address && v6 == null) {
          v6 = a;
        }
      }
      List<InetSocketAddress> out = new ArrayList<>();
      for (InetAddress a : new InetAddress[] {v4, v6}) {
        if (a != null) {
          out.add(new InetSocketAddress(a, port));
        }
      }
      return out;
    }
  }

  /** Parses a {@code stun:} URL (RFC 7064 §3.1); empty for other schemes and malformed URLs. */
  public static Optional<Target> parse(String url) {
    String u = url.strip();
    int colon = u.indexOf(':');
    if (colon < 0 || !u.substring(0, colon).toLowerCase(Locale.ROOT).equals("stun")) {
      return Optional.empty();
    }
    String rest = u.substring(colon + 1);
    int query = rest.indexOf('?');
    if (query >= 0) {
      rest = rest.substring(0, query); // stun: URLs have no query; tolerate ?transport=udp
    }
    String host;
    String port = null;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        return Optional.empty();
      }
      host = rest.substring(1, close);
      String after = rest.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          return Optional.empty();
        }
        port = after.substring(1);
      }
    } else {
      int c = rest.lastIndexOf(':');
      host = c < 0 ? rest : rest.substring(0, c);
      port = c < 0 ? null : rest.substring(c + 1);
      if (host.contains(":")) {
        return Optional.empty(); // an IPv6 literal needs brackets
      }
    }
    if (host.isEmpty() || host.contains("/") || host.contains("@")) {
      return Optional.empty();
    }
    int p = DEFAULT_PORT;
    if (port != null) {
      try {
        p = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (p < 1 || p > 65535) {
        return Optional.empty();
      }
    }
    return Optional.of(new Target(host, p));
  }
}
