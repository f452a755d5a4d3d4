package dev.squall.server.internal;

import dev.squall.server.PortInUseException;
import dev.squall.server.ServerStartException;
import io.netty.bootstrap.AbstractBootstrap;
import io.netty.channel.Channel;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** Binds listeners and turns bind failures into one-line {@link ServerStartException}s. */
public final class Listeners {

  private Listeners() {}

  /** Resolves the bind host, or fails with "unknown host". */
  public static InetAddress resolve(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new ServerStartException("cannot bind to host '" + host + "': unknown host", e);
    }
  }

  /**
   * Binds {@code bootstrap} to {@code address:port}.
   *
   * @param name the listener's name for messages: {@code http}, {@code stun-udp}, {@code stun-tcp}
   * @throws PortInUseException when the port is taken
   * @throws ServerStartException for any other bind failure
   */
  public static Channel bind(
      AbstractBootstrap<?, ?> bootstrap, String host, InetAddress address, int port, String name) {
    try {
      return bootstrap.bind(new InetSocketAddress(address, port)).syncUninterruptibly().channel();
    } catch (Throwable t) { // Netty rethrows checked causes undeclared
      if (isAddressInUse(t)) {
        throw new PortInUseException(name, host, port, t);
      }
      if (String.valueOf(t.getMessage()).contains("Cannot assign requested address")) {
        throw new ServerStartException(
            "cannot bind to " + host + ": that address does not belong to this machine", t);
      }
      if (String.valueOf(t.getMessage()).contains("Permission denied")) {
        throw new ServerStartException(
            "port " + port + " on " + host + " needs privileges; pick a port above 1023", t);
      }
      throw new ServerStartException(
          "cannot listen on " + host + " port " + port + " (" + name + "): " + t, t);
    }
  }

  private static boolean isAddressInUse(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof BindException || String.valueOf(c.getMessage()).contains("in use")) {
        return true;
      }
    }
    return false;
  }
}
