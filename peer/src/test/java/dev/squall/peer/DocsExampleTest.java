package dev.squall.peer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelMessage;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The example of docs/peer.md, as written there, delivers its message. */
class DocsExampleTest {

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void twoPeersInOneProgram() throws Exception {
    List<InetAddress> local = List.of(InetAddress.getLoopbackAddress());
    PeerConnection alice =
        UdpPeerConnections.create(group.next(), PeerConfiguration.defaults(), local).join();
    PeerConnection bob =
        UdpPeerConnections.create(group.next(), PeerConfiguration.defaults(), local).join();
    CompletableFuture<DataChannelMessage> received = new CompletableFuture<>();
    try {
      bob.onDataChannel(channel -> channel.onMessage(received::complete));
      DataChannel chat = alice.createDataChannel("chat");
      chat.onOpen(() -> chat.send("hello"));

      String offer =
          CompleteDescriptions.setLocalAndGather(alice, alice.createOffer().join()).join();
      bob.setRemoteDescription(Description.offer(offer)).join();
      String answer = CompleteDescriptions.setLocalAndGather(bob, bob.createAnswer().join()).join();
      alice.setRemoteDescription(Description.answer(answer)).join();

      DataChannelMessage message = received.get(20, TimeUnit.SECONDS);
      assertThat(message.text()).isTrue();
      assertThat(new String(message.data(), StandardCharsets.UTF_8)).isEqualTo("hello");
    } finally {
      alice.close();
      bob.close();
    }
  }
}
