package dev.squall.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;

/**
 * The {@link UdpTransport} contract on native epoll (batched reads and writes, UDP GSO and GRO),
 * where Netty's native library loads; NIO everywhere else is covered by {@link UdpTransportTest}.
 */
class EpollUdpTransportTest extends UdpTransportTest {

  @Override
  EventLoopGroup newGroup() {
    assumeTrue(EventLoops.epollAvailable(), "native epoll is not available here");
    EventLoopGroup group = EventLoops.newGroup(2);
    assertThat(EventLoops.isEpoll(group)).isTrue();
    return group;
  }

  @Override
  void checkOffloads(UdpTransport sender, UdpTransport receiver) throws Exception {
    assertThat(sender.isEpoll()).isTrue();
    assumeTrue(
        EpollDatagramChannel.isSegmentedDatagramPacketSupported(),
        "the kernel has no UDP segmentation offload");
    assertThat(sender.segmentationOffload()).isTrue();
    // 150 equal datagrams to one address go out as a few segmented sends, not 150 datagrams
    assertThat(onLoop(sender, sender::segmentedSends)).isBetween(1L, 10L);
  }
}
