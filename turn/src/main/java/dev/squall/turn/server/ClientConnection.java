package dev.squall.turn.server;

import java.net.InetSocketAddress;

/**
 * The client side of a 5-tuple (RFC 8656 §2): one UDP source address on one listener, or one TCP or
 * TLS connection. Implemented by the server module's listeners and by in-memory fakes in tests.
 *
 * <p>{@code equals} and {@code hashCode} identify the 5-tuple: the core keys allocations by it, so
 * two objects for the same UDP source on the same listener must be equal, and two TCP connections
 * never are.
 */
public interface ClientConnection {

  /** The transport the client uses to reach the server. */
  ClientProtocol protocol();

  /** The client's address as the server sees it (the source of its datagrams or connection). */
  InetSocketAddress clientAddress();

  /** The listener's local address. */
  InetSocketAddress serverAddress();

  /**
   * Sends one STUN message or ChannelData message to the client. The core owns nothing of {@code
   * message} afterwards: the implementation may keep or wrap the array. For TCP and TLS the core
   * has already padded ChannelData to a multiple of 4 bytes. Called on the shard's scheduler; must
   * not throw for network reasons.
   */
  void send(byte[] message);
}
