package dev.squall.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Formats the addresses the CLI prints; wildcard hosts become {@code localhost}. */
final class Urls {

  private Urls() {}

  /** {@code http(s)://host:port/}. */
  static String http(boolean tls, String host, int port) {
    return (tls ? "https" : "http") + "://" + hostPort(host, port) + "/";
  }

  /** {@code host:port}, with brackets around IPv6 literals. */
  static String hostPort(String host, int port) {
    String h = isWildcard(host) ? "localhost" : host;
    if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
      h = "[" + h + "]";
    }
    return h + ":" + port;
  }

  private static boolean isWildcard(String host) {
    if (!host.matches("[0-9.:\\[\\]]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(host.replace("[", "").replace("]", "")).isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
