package dev.squall.turn.server.internal;

import java.net.InetSocketAddress;

/** Receives the datagrams peers send to relay sockets. */
@FunctionalInterface
public interface PeerDatagramHandler {

  /** One datagram from {@code from} on {@code socket}; the handler owns {@code data}. */
  void fromPeer(RelaySocket socket, InetSocketAddress from, byte[] data);
}
