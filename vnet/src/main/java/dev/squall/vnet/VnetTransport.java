package dev.squall.vnet;

import dev.squall.net.AbstractDatagramTransport;
import java.net.InetSocketAddress;
import java.util.Objects;

/** A {@link dev.squall.net.DatagramTransport} bound to a port of a virtual {@link Host}. */
final class VnetTransport extends AbstractDatagramTransport {

  private final Host host;
  private final InetSocketAddress local;

  VnetTransport(Host host, InetSocketAddress local) {
    super(host.network().scheduler());
    this.host = host;
    this.local = local;
  }

  @Override
  public void send(InetSocketAddress to, byte[] data) {
    Objects.requireNonNull(to, "to");
    if (!isClosed()) {
      host.send(new Packet(local, to, data.clone()));
    }
  }

  @Override
  public InetSocketAddress localAddress() {
    return local;
  }

  @Override
  protected void doClose() {
    host.unbind(local.getPort(), this);
    closed();
  }

  void receive(InetSocketAddress from, byte[] data) {
    deliver(from, data);
  }

  @Override
  public String toString() {
    return "vnet:" + host.name() + "@" + local;
  }
}
