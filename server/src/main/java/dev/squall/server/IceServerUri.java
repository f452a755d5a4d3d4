package dev.squall.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One ICE server the signaling server hands to clients, parsed from the command-line form {@code
 * scheme:[user:password@]host[:port][?transport=udp|tcp]} where scheme is {@code stun}, {@code
 * stuns}, {@code turn} or {@code turns} (RFC 7064, RFC 7065). Credentials are split off: browsers
 * want them in {@code username}/{@code credential}, not in the URL. User and password may be
 * percent-encoded.
 *
 * @param url the URL without credentials, e.g. {@code turn:turn.example.org:3478?transport=tcp}
 * @param username the TURN user name, or null
 * @param credential the TURN password, or null
 */
public record IceServerUri(String url, String username, String credential) {

  private static final Pattern FORM =
      Pattern.compile(
          "(?<scheme>stuns?|turns?):(?:(?<user>[^:@/?]+):(?<pass>[^@/?]*)@)?"
              + "(?<host>\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?::(?<port>\\d{1,5}))?"
              + "(?:\\?transport=(?<transport>udp|tcp))?",
          Pattern.CASE_INSENSITIVE);

  public IceServerUri {
    Objects.requireNonNull(url, "url");
    if ((username == null) != (credential == null)) {
      throw new IllegalArgumentException("username and credential go together");
    }
  }

  /**
   * Parses the command-line form.
   *
   * @throws IllegalArgumentException with a message naming the problem
   */
  public static IceServerUri parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid ICE server '"
              + text
              + "': expected stun:HOST[:PORT] or turn:USER:PASSWORD@HOST[:PORT][?transport=udp|tcp]");
    }
    String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
    boolean turn = scheme.startsWith("turn");
    if (m.group("user") != null && !turn) {
      throw new IllegalArgumentException(
          "invalid ICE server '" + text + "': only turn: and turns: take credentials");
    }
    if (m.group("transport") != null && !turn) {
      throw new IllegalArgumentException(
          "invalid ICE server '" + text + "': only turn: and turns: take ?transport=");
    }
    StringBuilder url = new StringBuilder(scheme).append(':').append(m.group("host"));
    if (m.group("port") != null) {
      int port = Integer.parseInt(m.group("port"));
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(
            "invalid ICE server '" + text + "': port must be 1..65535");
      }
      url.append(':').append(port);
    }
    if (m.group("transport") != null) {
      url.append("?transport=").append(m.group("transport").toLowerCase(Locale.ROOT));
    }
    String user = m.group("user") == null ? null : decode(m.group("user"));
    String pass = m.group("user") == null ? null : decode(m.group("pass"));
    return new IceServerUri(url.toString(), user, pass);
  }

  /** The default server a client is told about: this server's own STUN port. */
  public static IceServerUri stun(String host, int port) {
    String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    return new IceServerUri("stun:" + h + ":" + port, null, null);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return username == null ? url : url + " (user " + username + ")";
  }
}
