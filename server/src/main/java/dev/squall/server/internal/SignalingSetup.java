package dev.squall.server.internal;

import dev.squall.server.IceServerUri;
import dev.squall.server.ServerConfig;
import dev.squall.server.SignalingLimits;
import dev.squall.server.internal.turn.TurnIceServer;
import dev.squall.signal.IceServer;
import dev.squall.signal.IceServerProvider;
import dev.squall.signal.SignalingConfig;
import dev.squall.signal.SignalingHub;
import dev.squall.signal.netty.SignalingWebSocket;
import dev.squall.util.Scheduler;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelPipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The server's signaling: builds the {@link SignalingHub} from the {@link ServerConfig}, installs
 * its WebSocket handlers on {@value #PATH} of each HTTP pipeline, and exposes the counts and the
 * shutdown the server needs.
 */
public final class SignalingSetup {

  /** The WebSocket endpoint of docs/signaling.md. */
  public static final String PATH = "/ws";

  private static final Pattern SAFE_HOST =
      Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]");

  private final SignalingHub hub;

  /**
   * @param stunPort the bound STUN UDP port for the default ICE server, or -1 when STUN is off
   * @param turn mints the TURN entry handed out on every join, or null when TURN is off
   * @param shards one scheduler per I/O event loop: rooms are spread over them by name, and a
   *     connection's events start on its own loop without a hand-off
   */
  public SignalingSetup(
      ServerConfig config,
      int stunPort,
      TurnIceServer turn,
      List<? extends Scheduler> shards,
      MeterRegistry registry) {
    SignalingLimits l = config.limits();
    SignalingConfig defaults = SignalingConfig.defaults();
    SignalingConfig signaling =
        new SignalingConfig(
            l.maxMessageBytes(),
            l.maxRoomSize(),
            l.ratePerSecond(),
            l.rateBurst(),
            l.maxConnections(),
            l.resumeGrace(),
            l.resumeQueue(),
            config.authSecret(),
            iceServers(config, stunPort, turn),
            defaults.pingInterval(),
            defaults.idleTimeout());
    this.hub = new SignalingHub(signaling, shards, registry);
  }

  /** Adds the WebSocket handlers after the HTTP codec and aggregator. */
  public void install(ChannelPipeline pipeline) {
    SignalingWebSocket.install(pipeline, hub, PATH);
  }

  public int connections() {
    return hub.connectionCount();
  }

  public int rooms() {
    return hub.roomCount();
  }

  /** Tells every client {@code shutdown} and closes their connections. */
  public CompletableFuture<?> shutdown(String reason) {
    return hub.shutdown(reason);
  }

  /**
   * The configured servers, or else {@code stun:HOST:PORT} for this server's own STUN port; then,
   * when TURN runs, this server's TURN URLs with a credential minted for this client. HOST is the
   * configured STUN host or the host the client used (when it looks like a host name or IP
   * literal), else the bind host.
   */
  static IceServerProvider iceServers(ServerConfig config, int stunPort, TurnIceServer turn) {
    List<IceServer> fixed = config.iceServers().stream().map(SignalingSetup::toIceServer).toList();
    if (stunPort < 0) {
      return host -> fixed;
    }
    String fallback = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return requestHost -> {
      String h =
          config.stunHost() != null
              ? config.stunHost()
              : requestHost != null && SAFE_HOST.matcher(requestHost).matches()
                  ? requestHost
                  : fallback;
      if (turn == null && !fixed.isEmpty()) {
        return fixed;
      }
      List<IceServer> servers = new ArrayList<>(fixed.size() + 2);
      if (fixed.isEmpty()) {
        servers.add(toIceServer(IceServerUri.stun(h, stunPort)));
      } else {
        servers.addAll(fixed);
      }
      if (turn != null) {
        servers.add(turn.forHost(bracketed(h)));
      }
      return servers;
    };
  }

  /** An IPv6 literal in brackets, as URLs want it; anything else as it is. */
  private static String bracketed(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static IceServer toIceServer(IceServerUri uri) {
    return new IceServer(List.of(uri.url()), uri.username(), uri.credential());
  }
}
