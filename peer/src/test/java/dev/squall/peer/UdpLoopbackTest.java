package dev.squall.peer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Java ↔ Java over real UDP sockets on 127.0.0.1, each peer on its own event loop. */
class UdpLoopbackTest {

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void connectsAndCarriesDatagramsBothWays() throws Exception {
    List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
    PeerConfiguration config = PeerConfiguration.defaults().withRawDatagrams(true);
    try (PeerConnection alice =
            UdpPeerConnections.create(group.next(), config, loopback).get(10, TimeUnit.SECONDS);
        PeerConnection bob =
            UdpPeerConnections.create(group.next(), config, loopback).get(10, TimeUnit.SECONDS)) {
      LinkedBlockingQueue<String> atAlice = new LinkedBlockingQueue<>();
      LinkedBlockingQueue<String> atBob = new LinkedBlockingQueue<>();
      alice.onDatagram(d -> atAlice.add(new String(d, UTF_8)));
      bob.onDatagram(d -> atBob.add(new String(d, UTF_8)));
      LoopbackSignalling.connect(alice, bob).get(10, TimeUnit.SECONDS);

      assertThat(alice.connectionState()).isEqualTo(PeerConnectionState.CONNECTED);
      assertThat(
              alice.selectedPair().orElseThrow().remoteAddress().getAddress().isLoopbackAddress())
          .isTrue();
      send(alice, "hello bob");
      send(bob, "hello alice");
      assertThat(atBob.poll(5, TimeUnit.SECONDS)).isEqualTo("hello bob");
      assertThat(atAlice.poll(5, TimeUnit.SECONDS)).isEqualTo("hello alice");

      CompletableFuture<PeerConnectionState> bobSeesClose = new CompletableFuture<>();
      bob.onConnectionStateChange(
          s -> {
            if (s == PeerConnectionState.DISCONNECTED) {
              bobSeesClose.complete(s);
            }
          });
      alice.close();
      // alice's close_notify reaches bob, whose DTLS transport closes
      assertThat(bobSeesClose.get(5, TimeUnit.SECONDS)).isEqualTo(PeerConnectionState.DISCONNECTED);
    }
  }

  private static void send(PeerConnection pc, String text) throws Exception {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    pc.scheduler()
        .execute(
            () -> {
              pc.sendDatagram(text.getBytes(UTF_8));
              sent.complete(null);
            });
    sent.get(5, TimeUnit.SECONDS);
  }
}
