package dev.squall.cli;

import dev.squall.server.BoundPorts;
import dev.squall.server.IceServerUri;
import dev.squall.server.PortInUseException;
import dev.squall.server.ServerConfig;
import dev.squall.server.ServerStartException;
import dev.squall.server.SignalingLimits;
import dev.squall.server.SquallServer;
import dev.squall.server.TlsConfig;
import dev.squall.server.TurnSettings;
import dev.squall.server.WebRoot;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code squall serve}: runs the server until SIGTERM or SIGINT, then stops gracefully (signaling
 * clients are told) and exits 0. Every option can also be set by an environment variable.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = Main.Version.class,
    description = {
      "Run the Squall server: web app, WebSocket signaling (/ws), STUN and TURN, /healthz and"
          + " /metrics.",
      "Every option can also be given as the environment variable shown; the flag wins."
    })
final class ServeCommand implements Callable<Integer> {

  /** How long a graceful stop may take. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      defaultValue = "${env:SQUALL_HOST:-127.0.0.1}",
      description =
          "Address to listen on (0.0.0.0 = all). Env SQUALL_HOST. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(
      names = "--port",
      defaultValue = "${env:SQUALL_PORT:-8080}",
      description =
          "HTTP/WebSocket port, 0 = any free port. Env SQUALL_PORT. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--stun-port",
      defaultValue = "${env:SQUALL_STUN_PORT:-3478}",
      description = {
        "STUN port (UDP and TCP), 0 = any free port, -1 = no STUN.",
        "Env SQUALL_STUN_PORT. Default: ${DEFAULT-VALUE}."
      })
  int stunPort;

  @Option(
      names = "--stun-host",
      defaultValue = "${env:SQUALL_STUN_HOST}",
      description = {
        "Host name put into the default ICE server stun:HOST:PORT.",
        "Env SQUALL_STUN_HOST. Default: the host the client used to reach this server."
      })
  String stunHost;

  @Option(
      names = "--tls-cert",
      defaultValue = "${env:SQUALL_TLS_CERT}",
      description = "PEM certificate chain for HTTPS/WSS (with --tls-key). Env SQUALL_TLS_CERT.")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      defaultValue = "${env:SQUALL_TLS_KEY}",
      description = "PEM private key (unencrypted) for --tls-cert. Env SQUALL_TLS_KEY.")
  Path tlsKey;

  @Option(
      names = "--tls-self-signed",
      defaultValue = "${env:SQUALL_TLS_SELF_SIGNED:-false}",
      description = {
        "Serve HTTPS/WSS with a generated self-signed ECDSA certificate",
        "(localhost, 127.0.0.1, ::1 and --host). Env SQUALL_TLS_SELF_SIGNED=true."
      })
  boolean tlsSelfSigned;

  @Option(
      names = "--ice-server",
      paramLabel = "URI",
      split = ",",
      converter = IceServerConverter.class,
      defaultValue = "${env:SQUALL_ICE_SERVERS}",
      description = {
        "ICE server handed to clients; repeatable, replaces the default stun:HOST:STUN_PORT.",
        "Forms: stun:HOST[:PORT], turn:USER:PASSWORD@HOST[:PORT][?transport=udp|tcp].",
        "Env SQUALL_ICE_SERVERS (comma-separated)."
      })
  List<IceServerUri> iceServers = new ArrayList<>();

  @Option(
      names = "--auth-secret",
      defaultValue = "${env:SQUALL_AUTH_SECRET}",
      description = {
        "Require signed join tokens (HMAC-SHA256 with this secret; see docs/signaling.md).",
        "Env SQUALL_AUTH_SECRET (preferred: flags show up in process lists)."
      })
  String authSecret;

  @Option(
      names = "--max-room-size",
      defaultValue = "${env:SQUALL_MAX_ROOM_SIZE:-16}",
      description = "Most peers in one room. Env SQUALL_MAX_ROOM_SIZE. Default: ${DEFAULT-VALUE}.")
  int maxRoomSize;

  @Option(
      names = "--max-message-bytes",
      defaultValue = "${env:SQUALL_MAX_MESSAGE_BYTES:-65536}",
      description = {
        "Largest signaling message (WebSocket frame) in bytes.",
        "Env SQUALL_MAX_MESSAGE_BYTES. Default: ${DEFAULT-VALUE}."
      })
  int maxMessageBytes;

  @Option(
      names = "--rate-limit",
      defaultValue = "${env:SQUALL_RATE_LIMIT:-50}",
      description =
          "Messages per second per connection. Env SQUALL_RATE_LIMIT. Default: ${DEFAULT-VALUE}.")
  int rateLimit;

  @Option(
      names = "--rate-burst",
      defaultValue = "${env:SQUALL_RATE_BURST:-200}",
      description =
          "Burst of messages per connection. Env SQUALL_RATE_BURST. Default: ${DEFAULT-VALUE}.")
  int rateBurst;

  @Option(
      names = "--max-connections",
      defaultValue = "${env:SQUALL_MAX_CONNECTIONS:-50000}",
      description = {
        "Most signaling connections on this server.",
        "Env SQUALL_MAX_CONNECTIONS. Default: ${DEFAULT-VALUE}."
      })
  int maxConnections;

  @Option(
      names = "--resume-grace",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      defaultValue = "${env:SQUALL_RESUME_GRACE:-30s}",
      description = {
        "How long a dropped client may resume its session (e.g. 30s, 2m; 0 = no resume).",
        "Env SQUALL_RESUME_GRACE. Default: ${DEFAULT-VALUE}."
      })
  Duration resumeGrace;

  @Option(
      names = "--resume-queue",
      defaultValue = "${env:SQUALL_RESUME_QUEUE:-256}",
      description = {
        "Messages queued for a dropped client during the grace period.",
        "Env SQUALL_RESUME_QUEUE. Default: ${DEFAULT-VALUE}."
      })
  int resumeQueue;

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

  @Option(
      names = "--web-root",
      paramLabel = "DIR",
      defaultValue = "${env:SQUALL_WEB_ROOT}",
      description = {
        "Serve the web app from this directory instead of the built-in copy (development).",
        "Env SQUALL_WEB_ROOT."
      })
  Path webRoot;

  @Override
  public Integer call() {
    ServerConfig config = toConfig();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SquallServer server = new SquallServer(config);
    BoundPorts ports;
    try {
      ports = server.start();
    } catch (PortInUseException e) {
      String flag =
          switch (e.listener()) {
            case "http" -> "--port or SQUALL_PORT";
            case "turn-tls" -> "--turn-tls-port or SQUALL_TURN_TLS_PORT";
            default -> "--stun-port or SQUALL_STUN_PORT";
          };
      err.println(
          "squall serve: port "
              + e.port()
              + " on "
              + e.host()
              + " is already in use; pick another with "
              + flag);
      return 1;
    } catch (ServerStartException e) {
      err.println("squall serve: " + e.getMessage());
      return 1;
    }
    StopSignals signals = StopSignals.install();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> server.stop(STOP_TIMEOUT), "squall-shutdown-hook"));
    out.println("Squall " + SquallServer.version() + " is running.");
    out.println("Open " + Urls.http(config.tls().enabled(), config.host(), ports.http()));
    out.println(
        ports.stunUdp() < 0
            ? "STUN is off"
            : "STUN on "
                + Urls.hostPort(config.host(), ports.stunUdp())
                + " (UDP), "
                + Urls.hostPort(config.host(), ports.stunTcp())
                + " (TCP)");
    out.println(turnLine(config, ports));
    out.println("Stop with Ctrl-C.");
    out.flush();
    String signal = signals.await();
    err.println("squall serve: " + signal + " received, stopping");
    err.flush();
    server.stop(STOP_TIMEOUT);
    return 0;
  }

  ServerConfig toConfig() {
    range("--port", "SQUALL_PORT", port, 0, 65535);
    range("--stun-port", "SQUALL_STUN_PORT", stunPort, -1, 65535);
    range("--max-room-size", "SQUALL_MAX_ROOM_SIZE", maxRoomSize, 1, 100_000);
    range("--max-message-bytes", "SQUALL_MAX_MESSAGE_BYTES", maxMessageBytes, 1024, 16 << 20);
    range("--rate-limit", "SQUALL_RATE_LIMIT", rateLimit, 1, 1_000_000);
    range("--rate-burst", "SQUALL_RATE_BURST", rateBurst, 1, 1_000_000);
    range("--max-connections", "SQUALL_MAX_CONNECTIONS", maxConnections, 1, 10_000_000);
    range("--resume-queue", "SQUALL_RESUME_QUEUE", resumeQueue, 1, 1_000_000);
    if (resumeGrace.isNegative() || resumeGrace.compareTo(Duration.ofHours(1)) > 0) {
      throw usage(
          "--resume-grace (or SQUALL_RESUME_GRACE) must be between 0s and 1h, was " + resumeGrace);
    }
    if (host.isBlank()) {
      throw usage("--host (or SQUALL_HOST) must not be empty");
    }
    if ((tlsCert == null) != (tlsKey == null)) {
      throw usage("--tls-cert and --tls-key go together: give both or neither");
    }
    if (tlsCert != null && tlsSelfSigned) {
      throw usage("--tls-self-signed cannot be combined with --tls-cert/--tls-key");
    }
    if (authSecret != null && authSecret.isEmpty()) {
      throw usage("--auth-secret (or SQUALL_AUTH_SECRET) must not be empty");
    }
    if (webRoot != null && !Files.isDirectory(webRoot)) {
      throw usage("--web-root (or SQUALL_WEB_ROOT) " + webRoot + " is not a directory");
    }
    TurnSettings turnSettings = turnSettings();
    TlsConfig tls =
        tlsCert != null
            ? TlsConfig.pem(tlsCert, tlsKey)
            : tlsSelfSigned ? TlsConfig.selfSigned() : TlsConfig.off();
    return ServerConfig.builder()
        .host(host.trim())
        .httpPort(port)
        .stunPort(stunPort)
        .stunHost(stunHost == null || stunHost.isBlank() ? null : stunHost.trim())
        .tls(tls)
        .iceServers(iceServers == null ? List.of() : iceServers)
        .limits(
            new SignalingLimits(
                maxMessageBytes,
                maxRoomSize,
                rateLimit,
                rateBurst,
                maxConnections,
                resumeGrace,
                resumeQueue))
        .authSecret(authSecret)
        .webRoot(webRoot == null ? WebRoot.packaged() : WebRoot.directory(webRoot))
        .turn(turnSettings)
        .build();
  }

  private TurnSettings turnSettings() {
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

  /** The startup line about TURN. */
  private static String turnLine(ServerConfig config, BoundPorts ports) {
    if (!config.turnEnabled()) {
      return config.turn().enabled() ? "TURN is off (it needs the STUN port)" : "TURN is off";
    }
    String line =
        "TURN on "
            + Urls.hostPort(config.host(), ports.stunUdp())
            + " (UDP, TCP)"
            + (ports.turnTls() > 0
                ? ", " + Urls.hostPort(config.host(), ports.turnTls()) + " (TLS)"
                : "");
    return line
        + "; peers: "
        + (config.turn().allowLoopbackPeers() ? "loopback allowed, " : "")
        + (config.turn().allowPrivatePeers() ? "private allowed" : "public only");
  }

  private void range(String flag, String env, int value, int min, int max) {
    if (value < min || value > max) {
      throw usage(
          flag + " (or " + env + ") must be between " + min + " and " + max + ", was " + value);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
