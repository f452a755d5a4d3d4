package dev.squall.turn.client;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * One TURN server to allocate on, with the long-term credential to use (the resolved form of a W3C
 * {@code RTCIceServer} entry with a {@code turn:} or {@code turns:} URL).
 *
 * @param address the server's resolved address and port
 * @param transport how to reach it
 * @param username the long-term credential's user name (for REST credentials: {@code
 *     <expiry>:<user>})
 * @param password the long-term credential's password
 * @param serverName the host name for TLS (SNI and certificate check), or null
 */
public record TurnEndpoint(
    InetSocketAddress address,
    TurnTransport transport,
    String username,
    String password,
    String serverName) {

  public TurnEndpoint {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("resolve the TURN server's address first: " + address);
    }
  }

  /** The default port of {@code turn:} URLs (RFC 7065 §3.1). */
  public static final int DEFAULT_PORT = 3478;

  /** The default port of {@code turns:} URLs (RFC 7065 §3.1). */
  public static final int DEFAULT_TLS_PORT = 5349;

  /**
   * Parses a TURN URL (RFC 7065 §3.1) and resolves its host: {@code turn:host[:port]} with an
   * optional {@code ?transport=udp} (the default) or {@code ?transport=tcp}, or {@code
   * turns:host[:port]} (TLS over TCP; default port 5349). IPv6 literals go in brackets. A host name
   * is resolved here, which may block: call this off any event loop.
   *
   * @throws IllegalArgumentException for anything else (a {@code stun:} URL, an unknown transport,
   *     a bad port, a host that does not resolve), with a message naming the URL
   */
  public static TurnEndpoint parse(String url, String username, String credential) {
    Objects.requireNonNull(url, "url");
    String rest;
    boolean secure;
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("turn:")) {
      secure = false;
      rest = url.substring(5);
    } else if (lower.startsWith("turns:")) {
      secure = true;
      rest = url.substring(6);
    } else {
      throw new IllegalArgumentException("not a turn: or turns: URL: " + url);
    }
    String query = null;
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    TurnTransport transport = secure ? TurnTransport.TLS : TurnTransport.UDP;
    if (query != null) {
      if (!query.toLowerCase(java.util.Locale.ROOT).startsWith("transport=")) {
        throw new IllegalArgumentException("unknown TURN URL parameter in " + url);
      }
      String t = query.substring("transport=".length()).toLowerCase(java.util.Locale.ROOT);
      if (t.equals("tcp")) {
        transport = secure ? TurnTransport.TLS : TurnTransport.TCP;
      } else if (t.equals("udp") && !secure) {
        transport = TurnTransport.UDP;
      } else {
        throw new IllegalArgumentException("unsupported transport '" + t + "' in " + url);
      }
    }
    String host;
    String port = null;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed IPv6 literal in " + url);
      }
      host = rest.substring(1, close);
      if (rest.length() > close + 1) {
        if (rest.charAt(close + 1) != ':') {
          throw new IllegalArgumentException("bad host in " + url);
        }
        port = rest.substring(close + 2);
      }
    } else {
      int colon = rest.lastIndexOf(':');
      host = colon < 0 ? rest : rest.substring(0, colon);
      port = colon < 0 ? null : rest.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("no host in " + url);
    }
    int portNumber = secure ? DEFAULT_TLS_PORT : DEFAULT_PORT;
    if (port != null) {
      try {
        portNumber = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad port in " + url);
      }
      if (portNumber < 1 || portNumber > 65535) {
        throw new IllegalArgumentException("port out of range in " + url);
      }
    }
    java.net.InetAddress address;
    try {
      address = java.net.InetAddress.getByName(host);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve the host of " + url, e);
    }
    return new TurnEndpoint(
        new InetSocketAddress(address, portNumber),
        transport,
        username == null ? "" : username,
        credential == null ? "" : credential,
        secure ? host : null);
  }

  /** A TURN server over UDP. */
  public static TurnEndpoint udp(InetSocketAddress address, String username, String password) {
    return new TurnEndpoint(address, TurnTransport.UDP, username, password, null);
  }

  /** {@code turn:1.2.3.4:3478?transport=udp} (the credential is not shown). */
  @Override
  public String toString() {
    String scheme = transport == TurnTransport.TLS ? "turns:" : "turn:";
    String host =
        address.getAddress() instanceof java.net.Inet6Address
            ? "[" + address.getAddress().getHostAddress() + "]"
            : address.getAddress().getHostAddress();
    return scheme + host + ":" + address.getPort() + "?transport=" + transport.urlToken();
  }
}
