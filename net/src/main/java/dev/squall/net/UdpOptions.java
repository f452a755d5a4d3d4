package dev.squall.net;

import io.netty.channel.socket.DatagramChannel;

/**
 * How {@link UdpTransport} opens its socket.
 *
 * @param channelType the Netty channel class, which must match the event loop group's I/O type
 *     ({@code NioDatagramChannel} for an NIO group, {@code EpollDatagramChannel} for an epoll one),
 *     or null to take the one that matches the group ({@link EventLoops#datagramChannel})
 * @param maxDatagramSize the largest datagram received whole, in bytes (1..65535); longer ones are
 *     truncated by the socket
 * @param receiveBufferSize {@code SO_RCVBUF} in bytes, or 0 for the system default
 * @param sendBufferSize {@code SO_SNDBUF} in bytes, or 0 for the system default
 * @param segmentationOffload with epoll, hand runs of equal-size datagrams written in one
 *     event-loop turn to the same address to the kernel as one segmented send (UDP GSO, Linux
 *     4.18+), when the kernel supports it; the receiver still gets separate datagrams. A segmented
 *     send the kernel refuses is sent again datagram by datagram, and the transport stops
 *     segmenting
 * @param receiveOffload with epoll, let the kernel hand over runs of datagrams received together in
 *     one piece (UDP GRO, Linux 5.0+), split again before delivery; ignored where unsupported
 */
public record UdpOptions(
    Class<? extends DatagramChannel> channelType,
    int maxDatagramSize,
    int receiveBufferSize,
    int sendBufferSize,
    boolean segmentationOffload,
    boolean receiveOffload) {

  public UdpOptions {
    if (maxDatagramSize < 1 || maxDatagramSize > 65535) {
      throw new IllegalArgumentException("maxDatagramSize out of 1..65535: " + maxDatagramSize);
    }
    if (receiveBufferSize < 0 || sendBufferSize < 0) {
      throw new IllegalArgumentException("negative socket buffer size");
    }
  }

  /**
   * The channel that matches the group, 65535-byte datagrams, system socket buffers, no offloads.
   */
  public static UdpOptions defaults() {
    return new UdpOptions(null, 65535, 0, 0, false, false);
  }

  public UdpOptions withChannelType(Class<? extends DatagramChannel> type) {
    return new UdpOptions(
        type,
        maxDatagramSize,
        receiveBufferSize,
        sendBufferSize,
        segmentationOffload,
        receiveOffload);
  }

  public UdpOptions withMaxDatagramSize(int size) {
    return new UdpOptions(
        channelType, size, receiveBufferSize, sendBufferSize, segmentationOffload, receiveOffload);
  }

  public UdpOptions withSocketBuffers(int receive, int send) {
    return new UdpOptions(
        channelType, maxDatagramSize, receive, send, segmentationOffload, receiveOffload);
  }

  /** Turns UDP GSO ({@code segmentation}) and GRO ({@code receive}) on or off. */
  public UdpOptions withOffloads(boolean segmentation, boolean receive) {
    return new UdpOptions(
        channelType, maxDatagramSize, receiveBufferSize, sendBufferSize, segmentation, receive);
  }
}
