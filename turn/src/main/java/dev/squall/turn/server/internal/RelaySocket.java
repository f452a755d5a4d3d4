package dev.squall.turn.server.internal;

import dev.squall.net.DatagramTransport;
import java.net.InetSocketAddress;

/**
 * One relayed transport address: the bound socket, the address told to the client (the external
 * address when one is configured), and the allocation it belongs to. The owner is null while the
 * socket is only reserved (EVEN-PORT with R, RFC 8656 §7.2); datagrams then are dropped.
 */
public final class RelaySocket {

  private final DatagramTransport transport;
  private final InetSocketAddress advertised;
  private final boolean ipv6;
  private Runnable release;
  private Allocation owner;

  /**
   * @param release gives the port back to the pool; run once, on the first {@link #close()}
   */
  public RelaySocket(
      DatagramTransport transport, InetSocketAddress advertised, boolean ipv6, Runnable release) {
    this.transport = transport;
    this.advertised = advertised;
    this.ipv6 = ipv6;
    this.release = release;
  }

  public DatagramTransport transport() {
    return transport;
  }

  /** The relayed transport address as the client and peers know it. */
  public InetSocketAddress advertised() {
    return advertised;
  }

  /** The local port the socket is bound to. */
  public int port() {
    return transport.localAddress().getPort();
  }

  public boolean ipv6() {
    return ipv6;
  }

  public Allocation owner() {
    return owner;
  }

  void owner(Allocation allocation) {
    this.owner = allocation;
  }

  public void close() {
    owner = null;
    transport.close();
    if (release != null) {
      Runnable r = release;
      release = null;
      r.run();
    }
  }
}
