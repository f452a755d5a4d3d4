package dev.squall.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.squall.net.EventLoops;
import io.netty.channel.EventLoopGroup;

/**
 * {@link DataChannelLoopbackTest} on native epoll, where the peer sockets batch reads and writes
 * and hand the kernel runs of equal datagrams (UDP GSO, GRO): every message, the 10 MB bulk
 * transfer (compared by SHA-256) and the closes must come through exactly as on NIO.
 */
class EpollDataChannelLoopbackTest extends DataChannelLoopbackTest {

  @Override
  EventLoopGroup newGroup() {
    assumeTrue(EventLoops.epollAvailable(), "native epoll is not available here");
    EventLoopGroup group = EventLoops.newGroup(2);
    assertThat(EventLoops.isEpoll(group)).isTrue();
    return group;
  }
}
