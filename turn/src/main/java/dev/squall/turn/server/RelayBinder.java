package dev.squall.turn.server;

import dev.squall.net.DatagramTransport;
import dev.squall.util.Scheduler;
import java.io.IOException;
import java.net.InetAddress;

/**
 * Binds the UDP sockets of relayed transport addresses. The core picks the port from the configured
 * range (never 0) and tries another one when this throws.
 */
@FunctionalInterface
public interface RelayBinder {

  /**
   * Binds a UDP socket on {@code address:port} whose callbacks run on {@code scheduler}.
   *
   * @throws IOException (typically {@link java.net.BindException}) when the port is taken or the
   *     address cannot be bound
   */
  DatagramTransport bind(InetAddress address, int port, Scheduler scheduler) throws IOException;
}
