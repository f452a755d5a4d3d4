package dev.squall.net;

import java.net.InetSocketAddress;

/**
 * Receives the datagrams of one {@link DatagramTransport}. Called on the transport's scheduler, one
 * datagram at a time. The handler owns {@code data}: the transport never touches the array again.
 */
@FunctionalInterface
public interface DatagramHandler {

  /** One datagram of {@code data.length} bytes from {@code from}. */
  void onDatagram(InetSocketAddress from, byte[] data);
}
