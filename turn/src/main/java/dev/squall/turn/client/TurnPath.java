package dev.squall.turn.client;

import dev.squall.net.DatagramTransport;
import dev.squall.util.Scheduler;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The client's way to its TURN server: sends one STUN or ChannelData message at a time. What comes
 * back from the server is not read here: whoever owns the receiving side (an ICE agent sharing a
 * host socket, a stream framer) hands each message from the server to {@link TurnClient#handle}.
 *
 * <p>Over UDP the path is a {@link DatagramTransport} plus the server's address ({@link
 * #overDatagrams}); messages are datagrams, requests are retransmitted. Over TCP or TLS it is a
 * framed byte stream ({@link #isStream()}): requests are sent once, ChannelData is padded to a
 * multiple of 4 bytes.
 */
public interface TurnPath {

  /** The TURN server's address (as the 5-tuple's remote side). */
  InetSocketAddress server();

  /** Our side of the 5-tuple. */
  InetSocketAddress localAddress();

  /** The serial scheduler everything of this client runs on. */
  Scheduler scheduler();

  /** True for TCP and TLS. */
  boolean isStream();

  /** Sends one message to the server; dropped when the path is closed. */
  void send(byte[] message);

  /** True once the path can carry nothing more. */
  boolean isClosed();

  /**
   * Messages to {@code server} sent as datagrams through {@code transport} (which keeps its own
   * receive handler: route the server's datagrams to the client).
   */
  static TurnPath overDatagrams(DatagramTransport transport, InetSocketAddress server) {
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(server, "server");
    return new TurnPath() {
      @Override
      public InetSocketAddress server() {
        return server;
      }

      @Override
      public InetSocketAddress localAddress() {
        return transport.localAddress();
      }

      @Override
      public Scheduler scheduler() {
        return transport.scheduler();
      }

      @Override
      public boolean isStream() {
        return false;
      }

      @Override
      public void send(byte[] message) {
        transport.send(server, message);
      }

      @Override
      public boolean isClosed() {
        return transport.isClosed();
      }

      @Override
      public String toString() {
        return "udp " + transport.localAddress() + " -> " + server;
      }
    };
  }
}
