package dev.squall.net;

import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.util.Objects;

/**
 * How {@link UdpTransport} opens its socket.
 *
 * @param channelType the Netty channel class; it must match the event loop group's I/O type ({@code
 *     NioDatagramChannel} for an NIO group, {@code EpollDatagramChannel} for an epoll one)
 * @param maxDatagramSize the largest datagram received whole, in bytes (1..65535); longer ones are
 *     truncated by the socket
 * @param receiveBufferSize {@code SO_RCVBUF} in bytes, or 0 for the system default
 * @param sendBufferSize {@code SO_SNDBUF} in bytes, or 0 for the system default
 */
public record UdpOptions(
    Class<? extends DatagramChannel> channelType,
    int maxDatagramSize,
    int receiveBufferSize,
    int sendBufferSize) {

  public UdpOptions {
    Objects.requireNonNull(channelType, "channelType");
    if (maxDatagramSize < 1 || maxDatagramSize > 65535) {
      throw new IllegalArgumentException("maxDatagramSize out of 1..65535: " + maxDatagramSize);
    }
    if (receiveBufferSize < 0 || sendBufferSize < 0) {
      throw new IllegalArgumentException("negative socket buffer size");
    }
  }

  /** NIO, 65535-byte datagrams, system socket buffers. */
  public static UdpOptions defaults() {
    return new UdpOptions(NioDatagramChannel.class, 65535, 0, 0);
  }

  public UdpOptions withChannelType(Class<? extends DatagramChannel> type) {
    return new UdpOptions(type, maxDatagramSize, receiveBufferSize, sendBufferSize);
  }

  public UdpOptions withMaxDatagramSize(int size) {
    return new UdpOptions(channelType, size, receiveBufferSize, sendBufferSize);
  }

  public UdpOptions withSocketBuffers(int receive, int send) {
    return new UdpOptions(channelType, maxDatagramSize, receive, send);
  }
}
