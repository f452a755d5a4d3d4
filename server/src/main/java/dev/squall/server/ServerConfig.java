package dev.squall.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link SquallServer} needs to start. Build one with {@link #builder()}; every field
 * has a sensible default, so {@code ServerConfig.builder().build()} is a working local server on
 * 127.0.0.1:8080 with STUN and TURN on 3478 (and TURN over TLS on 5349 when TLS is on).
 *
 * @param host the address to bind HTTP, WebSocket and STUN to
 * @param httpPort the HTTP/WebSocket port; 0 picks a free one
 * @param stunPort the STUN port (UDP and TCP); 0 picks free ones; -1 disables STUN
 * @param stunHost the host name put into the default ICE server {@code stun:HOST:PORT}; null uses
 *     the host of each client's HTTP request
 * @param tls TLS for the HTTP/WebSocket port
 * @param iceServers the ICE servers handed to clients; empty means this server's own STUN port
 * @param limits signaling limits
 * @param authSecret the shared secret for join tokens, or null for open rooms
 * @param webRoot where the web app is served from
 * @param stunTcpIdleTimeout how long a STUN-over-TCP connection may stay silent (TURN connections
 *     with an allocation are kept while it lives)
 * @param turn the TURN relay on the STUN port (needs STUN on)
 */
public record ServerConfig(
    String host,
    int httpPort,
    int stunPort,
    String stunHost,
    TlsConfig tls,
    List<IceServerUri> iceServers,
    SignalingLimits limits,
    String authSecret,
    WebRoot webRoot,
    Duration stunTcpIdleTimeout,
    TurnSettings turn) {

  public ServerConfig {
    Objects.requireNonNull(turn, "turn");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(webRoot, "webRoot");
    Objects.requireNonNull(stunTcpIdleTimeout, "stunTcpIdleTimeout");
    iceServers = List.copyOf(iceServers);
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("httpPort must be 0..65535, was " + httpPort);
    }
    if (stunPort < -1 || stunPort > 65535) {
      throw new IllegalArgumentException("stunPort must be -1..65535, was " + stunPort);
    }
    if (authSecret != null && authSecret.isEmpty()) {
      throw new IllegalArgumentException("authSecret must not be empty");
    }
    if (stunTcpIdleTimeout.isNegative() || stunTcpIdleTimeout.isZero()) {
      throw new IllegalArgumentException("stunTcpIdleTimeout must be positive");
    }
  }

  /** Like the record's, but never shows the auth secret. */
  @Override
  public String toString() {
    return "ServerConfig[host="
        + host
        + ", httpPort="
        + httpPort
        + ", stunPort="
        + stunPort
        + ", stunHost="
        + stunHost
        + ", tls="
        + tls
        + ", iceServers="
        + iceServers
        + ", limits="
        + limits
        + ", auth="
        + (authSecret != null)
        + ", webRoot="
        + webRoot
        + ", turn="
        + turn
        + "]";
  }

  /** True when STUN listeners are started. */
  public boolean stunEnabled() {
    return stunPort >= 0;
  }

  /** True when the TURN relay runs: asked for, on the STUN port. */
  public boolean turnEnabled() {
    return turn.enabled() && stunEnabled();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A mutable builder with the defaults described on {@link ServerConfig}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int httpPort = 8080;
    private int stunPort = 3478;
    private String stunHost;
    private TlsConfig tls = TlsConfig.off();
    private List<IceServerUri> iceServers = List.of();
    private SignalingLimits limits = SignalingLimits.defaults();
    private String authSecret;
    private WebRoot webRoot = WebRoot.packaged();
    private Duration stunTcpIdleTimeout = Duration.ofSeconds(30);
    private TurnSettings turn = TurnSettings.defaults();

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder httpPort(int httpPort) {
      this.httpPort = httpPort;
      return this;
    }

    public Builder stunPort(int stunPort) {
      this.stunPort = stunPort;
      return this;
    }

    public Builder stunHost(String stunHost) {
      this.stunHost = stunHost;
      return this;
    }

    public Builder tls(TlsConfig tls) {
      this.tls = tls;
      return this;
    }

    public Builder iceServers(List<IceServerUri> iceServers) {
      this.iceServers = iceServers;
      return this;
    }

    public Builder limits(SignalingLimits limits) {
      this.limits = limits;
      return this;
    }

    public Builder authSecret(String authSecret) {
      this.authSecret = authSecret;
      return this;
    }

    public Builder webRoot(WebRoot webRoot) {
      this.webRoot = webRoot;
      return this;
    }

    public Builder stunTcpIdleTimeout(Duration stunTcpIdleTimeout) {
      this.stunTcpIdleTimeout = stunTcpIdleTimeout;
      return this;
    }

    public Builder turn(TurnSettings turn) {
      this.turn = turn;
      return this;
    }

    public ServerConfig build() {
      return new ServerConfig(
          host,
          httpPort,
          stunPort,
          stunHost,
          tls,
          iceServers,
          limits,
          authSecret,
          webRoot,
          stunTcpIdleTimeout,
          turn);
    }
  }
}
