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
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin TurnOptions turnOptions;

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
    TurnSettings turnSettings = turnOptions.toSettings(spec.commandLine());
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
