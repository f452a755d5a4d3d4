package dev.squall.sdp.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Checks candidate addresses (IPv4 literal, IPv6 literal, or a host name such as an mDNS {@code
 * .local} name) without ever resolving a name.
 */
public final class CandidateAddress {
  private CandidateAddress() {}

  /** True for an IPv4 literal, an IPv6 literal or a syntactically valid host name. */
  public static boolean isValid(String s) {
    if (s == null || s.isEmpty() || s.length() > 255) {
      return false;
    }
    if (s.indexOf(':') >= 0) {
      return isIpv6(s);
    }
    return isIpv4(s) || isHostName(s);
  }

  /** The address when {@code s} is an IP literal; never looks a name up. */
  public static Optional<InetAddress> literal(String s) {
    if (s == null || !(isIpv4(s) || (s.indexOf(':') >= 0 && isIpv6(s)))) {
      return Optional.empty();
    }
    try {
      // Only literals get here, so this is a parse, not a DNS lookup.
      return Optional.of(InetAddress.getByName(s));
    } catch (UnknownHostException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        if (p.charAt(i) < '0' || p.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  static boolean isIpv6(String s) {
    if (s.length() < 2 || s.length() > 45) {
      return false;
    }
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    String[] groups = s.split(":", -1);
    int count = 0;
    for (int i = 0; i < groups.length; i++) {
      String g = groups[i];
      if (g.isEmpty()) {
        continue; // part of "::" (checked above) or a leading/trailing colon of "::"
      }
      if (i == groups.length - 1 && g.indexOf('.') >= 0) {
        if (!isIpv4(g)) {
          return false;
        }
        count += 2;
        continue;
      }
      if (g.length() > 4) {
        return false;
      }
      for (int k = 0; k < g.length(); k++) {
        if (Character.digit(g.charAt(k), 16) < 0) {
          return false;
        }
      }
      count++;
    }
    if (doubleColon < 0) {
      return count == 8 && !s.startsWith(":") && !s.endsWith(":");
    }
    if (s.startsWith(":") && !s.startsWith("::") || s.endsWith(":") && !s.endsWith("::")) {
      return false;
    }
    return count <= 7;
  }

  static boolean isHostName(String s) {
    if (s.startsWith(".") || s.endsWith("..")) {
      return false;
    }
    String[] labels = s.split("\\.", -1);
    for (int i = 0; i < labels.length; i++) {
      String l = labels[i];
      if (l.isEmpty()) {
        if (i == labels.length - 1 && i > 0) {
          continue; // trailing dot of a fully qualified name
        }
        return false;
      }
      if (l.length() > 63 || l.startsWith("-") || l.endsWith("-")) {
        return false;
      }
      for (int k = 0; k < l.length(); k++) {
        char c = l.charAt(k);
        boolean ok =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_';
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }
}
