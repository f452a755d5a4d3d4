package dev.squall.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelInit;
import dev.squall.datachannel.DataChannelState;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 1,000 DataChannels of every kind between two Java peers over real UDP on 127.0.0.1: each is
 * opened (DCEP) with its kind intact on the other side, carries a message both ways (every one on
 * reliable and timed channels) and is closed (stream reset), seen on both sides.
 */
class ManyChannelsLoopbackTest {

  private static final int CHANNELS = 1000;

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static DataChannelInit kind(int i) {
    return switch (i % 4) {
      case 0 -> DataChannelInit.DEFAULT;
      case 1 -> DataChannelInit.DEFAULT.withOrdered(false);
      case 2 -> DataChannelInit.DEFAULT.withOrdered(false).withMaxRetransmits(0);
      // a lifetime no queue on a loaded machine reaches: these must deliver like reliable ones
      // (expiry itself is tested on the virtual network, where time is exact)
      default -> DataChannelInit.DEFAULT.withMaxPacketLifeTime(30_000).withProtocol("timed");
    };
  }

  @Test
  void thousandChannelsOfEveryKindOpenCarryAndClose() throws Exception {
    List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
    try (PeerConnection alice =
            UdpPeerConnections.create(group.next(), PeerConfiguration.defaults(), loopback)
                .get(10, TimeUnit.SECONDS);
        PeerConnection bob =
            UdpPeerConnections.create(group.next(), PeerConfiguration.defaults(), loopback)
                .get(10, TimeUnit.SECONDS)) {
      Map<String, DataChannel> atBob = new ConcurrentHashMap<>();
      CountDownLatch bobClosed = new CountDownLatch(CHANNELS);
      bob.onDataChannel(
          ch -> {
            atBob.put(ch.label(), ch);
            ch.onMessage(m -> ch.send("echo " + m.asText()));
            ch.onClose(bobClosed::countDown);
          });
      LoopbackSignalling.connect(alice, bob).get(10, TimeUnit.SECONDS);

      // maxRetransmits=0 channels (kind 2) may lose a message when the burst overflows a UDP socket
      // buffer: that is their contract. Every other kind must deliver every message.
      CountDownLatch echoed = new CountDownLatch(CHANNELS / 4 * 3);
      java.util.Set<Integer> missing = ConcurrentHashMap.newKeySet();
      java.util.concurrent.atomic.AtomicInteger unreliableEchoes =
          new java.util.concurrent.atomic.AtomicInteger();
      List<DataChannel> channels = new ArrayList<>();
      for (int i = 0; i < CHANNELS; i++) {
        String label = "ch-" + i;
        int index = i;
        if (i % 4 != 2) {
          missing.add(i);
        }
        DataChannel ch = alice.createDataChannel(label, kind(i));
        ch.onOpen(() -> ch.send(label));
        ch.onMessage(
            m -> {
              if (m.asText().equals("echo " + label)) {
                if (index % 4 == 2) {
                  unreliableEchoes.incrementAndGet();
                } else {
                  missing.remove(index);
                  echoed.countDown();
                }
              }
            });
        channels.add(ch);
      }

      assertThat(echoed.await(60, TimeUnit.SECONDS))
          .as("echoes received, missing %s", missing.stream().map(j -> j % 4).toList())
          .isTrue();
      assertThat(unreliableEchoes.get()).isPositive();
      assertThat(atBob).hasSize(CHANNELS);
      for (int i = 0; i < CHANNELS; i++) {
        DataChannel remote = atBob.get("ch-" + i);
        DataChannelInit init = kind(i);
        assertThat(remote.ordered()).isEqualTo(init.ordered());
        assertThat(remote.maxRetransmits()).isEqualTo(init.maxRetransmits());
        assertThat(remote.maxPacketLifeTime()).isEqualTo(init.maxPacketLifeTime());
        assertThat(remote.id()).isEqualTo(channels.get(i).id());
      }

      CountDownLatch aliceClosed = new CountDownLatch(CHANNELS);
      channels.forEach(ch -> ch.onClose(aliceClosed::countDown));
      channels.forEach(DataChannel::close);
      assertThat(aliceClosed.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(bobClosed.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(channels).allMatch(ch -> ch.readyState() == DataChannelState.CLOSED);
      assertThat(atBob.values()).allMatch(ch -> ch.readyState() == DataChannelState.CLOSED);
    }
  }
}
