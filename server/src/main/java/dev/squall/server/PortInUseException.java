package dev.squall.server;

/**
 * A listener could not bind because its port is taken. {@link #listener()} names which one: {@code
 * http}, {@code stun-udp} or {@code stun-tcp}.
 */
public final class PortInUseException extends ServerStartException {
  private static final long serialVersionUID = 1L;

  private final String listener;
  private final String host;
  private final int port;

  public PortInUseException(String listener, String host, int port, Throwable cause) {
    super("port " + port + " on " + host + " is already in use (" + listener + ")", cause);
    this.listener = listener;
    this.host = host;
    this.port = port;
  }

  public String listener() {
    return listener;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }
}
