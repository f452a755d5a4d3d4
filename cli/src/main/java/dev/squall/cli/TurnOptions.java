package dev.squall.cli;

import dev.squall.server.TurnSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The TURN options of {@code squall serve} (a picocli mixin), each with its environment variable,
 * turned into {@link TurnSettings} with every value checked.
 */
final class TurnOptions {

  private CommandLine commandLine;

  @Option(
      names = "--no-turn",
      negatable = true,
      defaultValue = "${env:SQUALL_TURN:-true}",
      description = {
        "TURN relay (RFC 8656) on the STUN port (UDP, TCP)",
        "and over TLS on --turn-tls-port with a certificate;",
        "joining clients get TURN credentials. --no-turn:",
        "STUN only. Env SQUALL_TURN=false. Default: on."
      })
  boolean turn;

  @Option(
      names = "--turn-realm",
      paramLabel = "REALM",
      defaultValue = "${env:SQUALL_TURN_REALM:-squall}",
      description = {"TURN realm. Env SQUALL_TURN_REALM.", "Default: ${DEFAULT-VALUE}."})
  String turnRealm;

  @Option(
      names = "--turn-secret",
      paramLabel = "SECRET",
      defaultValue = "${env:SQUALL_TURN_SECRET}",
      description = {
        "Shared secret of TURN REST API credentials (user",
        "EXPIRY:NAME, password Base64(HMAC-SHA1(secret,",
        "user))), for a backend that mints its own. Env",
        "SQUALL_TURN_SECRET (preferred: flags show up in",
        "process lists). Default: random at each start."
      })
  String turnSecret;

  @Option(
      names = "--turn-user",
      paramLabel = "USER:PASSWORD",
      split = ",",
      defaultValue = "${env:SQUALL_TURN_USERS}",
      description = {
        "Static long-term TURN user; repeatable.",
        "Env SQUALL_TURN_USERS (comma-separated)."
      })
  List<String> turnUsers = new ArrayList<>();

  @Option(
      names = "--turn-relay-ip",
      paramLabel = "IP",
      defaultValue = "${env:SQUALL_TURN_RELAY_IP}",
      description = {
        "Address relay sockets bind to and clients are",
        "told. Env SQUALL_TURN_RELAY_IP. Default: --host;",
        "for 0.0.0.0 the first non-loopback IPv4 address."
      })
  String turnRelayIp;

  @Option(
      names = "--turn-port-range",
      paramLabel = "MIN-MAX",
      defaultValue = "${env:SQUALL_TURN_PORT_RANGE:-49152-65535}",
      description = {"Relay ports. Env SQUALL_TURN_PORT_RANGE.", "Default: ${DEFAULT-VALUE}."})
  String turnPortRange;

  @Option(
      names = "--turn-tls-port",
      paramLabel = "PORT",
      defaultValue = "${env:SQUALL_TURN_TLS_PORT:-5349}",
      description = {
        "TURN over TLS port (needs --tls-cert/--tls-key or",
        "--tls-self-signed), 0 = any free port, -1 = none.",
        "Env SQUALL_TURN_TLS_PORT. Default: ${DEFAULT-VALUE}."
      })
  int turnTlsPort;

  @Option(
      names = "--turn-allow-loopback-peers",
      defaultValue = "${env:SQUALL_TURN_ALLOW_LOOPBACK_PEERS:-false}",
      description = {
        "Relay to loopback (127.0.0.0/8, ::1), the server's",
        "own included: tests and one-machine demos only.",
        "Env SQUALL_TURN_ALLOW_LOOPBACK_PEERS=true. Default: no."
      })
  boolean turnAllowLoopbackPeers;

  @Option(
      names = "--turn-allow-private-peers",
      defaultValue = "${env:SQUALL_TURN_ALLOW_PRIVATE_PEERS:-false}",
      description = {
        "Relay to private networks (10/8, 172.16/12,",
        "192.168/16, 100.64/10, fc00::/7). Env",
        "SQUALL_TURN_ALLOW_PRIVATE_PEERS=true. Default: no."
      })
  boolean turnAllowPrivatePeers;

  @Option(
      names = "--turn-allowed-peer",
      paramLabel = "CIDR",
      split = ",",
      defaultValue = "${env:SQUALL_TURN_ALLOWED_PEERS}",
      description = {
        "Relay to this range even if the policy refuses it;",
        "repeatable. Env SQUALL_TURN_ALLOWED_PEERS",
        "(comma-separated)."
      })
  List<String> turnAllowedPeers = new ArrayList<>();

  @Option(
      names = "--turn-denied-peer",
      paramLabel = "CIDR",
      split = ",",
      defaultValue = "${env:SQUALL_TURN_DENIED_PEERS}",
      description = {
        "Never relay to this range (wins over every allow);",
        "repeatable. Env SQUALL_TURN_DENIED_PEERS",
        "(comma-separated)."
      })
  List<String> turnDeniedPeers = new ArrayList<>();

  @Option(
      names = "--no-turn-relay-to-relay",
      negatable = true,
      defaultValue = "${env:SQUALL_TURN_RELAY_TO_RELAY:-true}",
      description = {
        "Relay between two allocations of this server (relay",
        "ports on its relay address only), as two relay-only",
        "clients of the same server need. Env",
        "SQUALL_TURN_RELAY_TO_RELAY=false. Default: on."
      })
  boolean turnRelayToRelay;

  @Option(
      names = "--turn-max-allocations-per-user",
      paramLabel = "N",
      defaultValue = "${env:SQUALL_TURN_MAX_ALLOCATIONS_PER_USER:-10}",
      description = {
        "Most allocations one TURN user holds at once. Env",
        "SQUALL_TURN_MAX_ALLOCATIONS_PER_USER.",
        "Default: ${DEFAULT-VALUE}."
      })
  int turnMaxPerUser;

  @Option(
      names = "--turn-max-allocations",
      paramLabel = "N",
      defaultValue = "${env:SQUALL_TURN_MAX_ALLOCATIONS:-10000}",
      description = {
        "Most allocations on this server.",
        "Env SQUALL_TURN_MAX_ALLOCATIONS. Default: ${DEFAULT-VALUE}."
      })
  int turnMaxAllocations;

  @Option(
      names = "--turn-max-lifetime",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "${env:SQUALL_TURN_MAX_LIFETIME:-1h}",
      description = {
        "Longest lifetime an allocation gets per request",
        "(10m to 24h; refreshes extend it).",
        "Env SQUALL_TURN_MAX_LIFETIME. Default: ${DEFAULT-VALUE}."
      })
  Duration turnMaxLifetime;

  @Option(
      names = "--turn-bandwidth",
      paramLabel = "RATE",
      converter = BandwidthConverter.class,
      defaultValue = "${env:SQUALL_TURN_BANDWIDTH:-10mbit}",
      description = {
        "Most data one allocation relays per second, each",
        "direction: 10mbit, 2mb, 125000 (bytes); 0 = no",
        "limit. Env SQUALL_TURN_BANDWIDTH. Default: ${DEFAULT-VALUE}."
      })
  long turnBandwidth;

  @Option(
      names = "--turn-credential-ttl",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "${env:SQUALL_TURN_CREDENTIAL_TTL:-24h}",
      description = {
        "Lifetime of the TURN credentials handed out on",
        "join (1m to 168h); an allocation cannot be",
        "refreshed once its credential has expired.",
        "Env SQUALL_TURN_CREDENTIAL_TTL. Default: ${DEFAULT-VALUE}."
      })
  Duration turnCredentialTtl;

  /**
   * The settings these options give, validated.
   *
   * @throws ParameterException naming the flag and its environment variable for a bad value
   */
  TurnSettings toSettings(CommandLine commandLine) {
    this.commandLine = commandLine;
    String realm = turnRealm == null ? "" : turnRealm.trim();
    if (!realm.matches("[\\x21-\\x7E][\\x20-\\x7E]{0,126}")) {
      throw usage(
          "--turn-realm (or SQUALL_TURN_REALM) must be 1-127 printable ASCII characters, was '"
              + turnRealm
              + "'");
    }
    if (turnSecret != null && turnSecret.isEmpty()) {
      throw usage("--turn-secret (or SQUALL_TURN_SECRET) must not be empty");
    }
    Map<String, String> users = new LinkedHashMap<>();
    for (String u : turnUsers == null ? List.<String>of() : turnUsers) {
      int colon = u.indexOf(':');
      if (colon <= 0 || colon == u.length() - 1) {
        throw usage(
            "--turn-user (or SQUALL_TURN_USERS) must be USER:PASSWORD, both non-empty, was '"
                + u
                + "'");
      }
      users.put(u.substring(0, colon), u.substring(colon + 1));
    }
    String relay = turnRelayIp == null || turnRelayIp.isBlank() ? null : turnRelayIp.trim();
    int[] ports = portRange(turnPortRange);
    range("--turn-tls-port", "SQUALL_TURN_TLS_PORT", turnTlsPort, -1, 65535);
    range(
        "--turn-max-allocations-per-user",
        "SQUALL_TURN_MAX_ALLOCATIONS_PER_USER",
        turnMaxPerUser,
        1,
        1_000_000);
    range(
        "--turn-max-allocations", "SQUALL_TURN_MAX_ALLOCATIONS", turnMaxAllocations, 1, 1_000_000);
    if (turnMaxLifetime.compareTo(TurnSettings.MIN_LIFETIME) < 0
        || turnMaxLifetime.compareTo(Duration.ofDays(1)) > 0) {
      throw usage(
          "--turn-max-lifetime (or SQUALL_TURN_MAX_LIFETIME) must be between 10m and 24h, was "
              + turnMaxLifetime);
    }
    if (turnCredentialTtl.compareTo(Duration.ofMinutes(1)) < 0
        || turnCredentialTtl.compareTo(Duration.ofDays(7)) > 0) {
      throw usage(
          "--turn-credential-ttl (or SQUALL_TURN_CREDENTIAL_TTL) must be between 1m and 168h,"
              + " was "
              + turnCredentialTtl);
    }
    try {
      if (relay != null) {
        TurnSettings.cidr(relay + (relay.contains(":") ? "/128" : "/32"), "--turn-relay-ip");
      }
    } catch (IllegalArgumentException e) {
      throw usage(
          "--turn-relay-ip (or SQUALL_TURN_RELAY_IP) must be an IP address, was '"
              + turnRelayIp
              + "'");
    }
    List<String> allowed =
        cidrs("--turn-allowed-peer", "SQUALL_TURN_ALLOWED_PEERS", turnAllowedPeers);
    List<String> denied = cidrs("--turn-denied-peer", "SQUALL_TURN_DENIED_PEERS", turnDeniedPeers);
    return TurnSettings.builder()
        .enabled(turn)
        .realm(realm)
        .secret(turnSecret)
        .users(users)
        .relayAddress(relay)
        .relayPorts(ports[0], ports[1])
        .tlsPort(turnTlsPort)
        .allowLoopbackPeers(turnAllowLoopbackPeers)
        .allowPrivatePeers(turnAllowPrivatePeers)
        .allowedPeers(allowed)
        .deniedPeers(denied)
        .relayToRelay(turnRelayToRelay)
        .maxAllocationsPerUser(turnMaxPerUser)
        .maxAllocations(turnMaxAllocations)
        .maxLifetime(turnMaxLifetime)
        .bandwidth(turnBandwidth)
        .credentialTtl(turnCredentialTtl)
        .build();
  }

  private int[] portRange(String text) {
    String t = text == null ? "" : text.trim();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})-(\\d{1,5})").matcher(t);
    if (m.matches()) {
      int min = Integer.parseInt(m.group(1));
      int max = Integer.parseInt(m.group(2));
      if (min >= 1024 && max <= 65535 && min <= max) {
        return new int[] {min, max};
      }
    }
    throw usage(
        "--turn-port-range (or SQUALL_TURN_PORT_RANGE) must be MIN-MAX with 1024 <= MIN <= MAX"
            + " <= 65535, was '"
            + text
            + "'");
  }

  private List<String> cidrs(String flag, String env, List<String> values) {
    List<String> out = new ArrayList<>();
    for (String v : values == null ? List.<String>of() : values) {
      try {
        TurnSettings.cidr(v, flag);
      } catch (IllegalArgumentException e) {
        throw usage(
            flag + " (or " + env + ") must be an IP address or CIDR range, was '" + v + "'");
      }
      out.add(v.trim());
    }
    return out;
  }

  private void range(String flag, String env, int value, int min, int max) {
    if (value < min || value > max) {
      throw usage(
          flag + " (or " + env + ") must be between " + min + " and " + max + ", was " + value);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(commandLine, message);
  }
}
