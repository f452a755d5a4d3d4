package dev.squall.peer;

import dev.squall.net.DatagramTransport;
import dev.squall.net.EventLoopScheduler;
import dev.squall.net.EventLoops;
import dev.squall.net.UdpOptions;
import dev.squall.net.UdpTransport;
import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Creates {@link PeerConnection}s over real UDP: one socket per local address (port 0), all on one
 * Netty event loop, which is also the connection's scheduler. The socket's channel type follows the
 * event loop: native epoll for a group from {@link EventLoops#newGroup} on Linux (batched reads and
 * writes, UDP GSO and GRO: far fewer system calls per datagram), NIO for an NIO group.
 *
 * <p>Each socket asks for {@value #SOCKET_BUFFER} bytes of kernel send and receive buffer (the
 * kernel caps it at {@code net.core.rmem_max}/{@code wmem_max}): with the system default of about
 * 200 KiB, a burst of one congestion window overflows the receive buffer and the loss halves the
 * SCTP sender's window.
 */
public final class UdpPeerConnections {

  /** Requested SO_RCVBUF and SO_SNDBUF of each peer socket, in bytes. */
  public static final int SOCKET_BUFFER = 4 * 1024 * 1024;

  /**
   * Largest datagram a peer socket takes whole. DTLS accepts records up to its receive limit (2048
   * bytes by default) and ICE's STUN messages are smaller; the slack costs nothing.
   */
  public static final int MAX_DATAGRAM = 4096;

  private static final UdpOptions OPTIONS =
      UdpOptions.defaults()
          .withMaxDatagramSize(MAX_DATAGRAM)
          .withSocketBuffers(SOCKET_BUFFER, SOCKET_BUFFER)
          .withOffloads(true, true);

  private UdpPeerConnections() {}

  /** The options of each peer socket (the channel type follows the event loop). */
  public static UdpOptions udpOptions() {
    return OPTIONS;
  }

  /**
   * Binds a UDP socket on each address (each becomes a host candidate) and creates the connection.
   *
   * @param addresses specific local addresses, not the wildcard (e.g. 127.0.0.1 for loopback tests)
   */
  public static CompletableFuture<PeerConnection> create(
      EventLoop loop, PeerConfiguration config, List<InetAddress> addresses) {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("at least one local address is needed");
    }
    // certificate generation takes milliseconds: do it here, not on the event loop
    PeerConfiguration withCertificate =
        config.certificate() != null
            ? config
            : config.withCertificate(dev.squall.dtls.DtlsCertificate.generate());
    List<CompletableFuture<UdpTransport>> bound = new ArrayList<>();
    for (InetAddress address : addresses) {
      bound.add(UdpTransport.bind(loop, new InetSocketAddress(address, 0), OPTIONS));
    }
    return CompletableFuture.allOf(bound.toArray(CompletableFuture[]::new))
        .handle(
            (ok, error) -> {
              List<DatagramTransport> transports = new ArrayList<>();
              bound.stream()
                  .filter(f -> !f.isCompletedExceptionally())
                  .forEach(f -> transports.add(f.join()));
              if (error != null) {
                transports.forEach(DatagramTransport::close);
                throw new PeerException(
                    "cannot bind the UDP sockets: " + error.getMessage(), error);
              }
              return new PeerConnection(new EventLoopScheduler(loop), withCertificate, transports);
            });
  }
}
