package dev.squall.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.net.EventLoopScheduler;
import dev.squall.turn.client.TurnEndpoint;
import dev.squall.turn.client.TurnException;
import dev.squall.turn.client.TurnStream;
import dev.squall.util.VirtualScheduler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link NettyTurnConnector} against plain loopback sockets (the TURN server tests are in cli). */
class NettyTurnConnectorTest {

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

  @AfterEach
  void stop() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static TurnEndpoint tcp(int port) {
    return TurnEndpoint.parse("turn:127.0.0.1:" + port + "?transport=tcp", "u", "p");
  }

  @Test
  void aRefusedConnectionFailsNamingTheServer() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    CompletableFuture<TurnStream> f =
        NettyTurnConnector.defaults().connect(tcp(port), new EventLoopScheduler(group.next()));
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("turn:127.0.0.1:" + port + "?transport=tcp");
  }

  @Test
  void needsAnEventLoopScheduler() {
    CompletableFuture<TurnStream> f =
        NettyTurnConnector.defaults().connect(tcp(3478), new VirtualScheduler());
    assertThat(f).isCompletedExceptionally();
    assertThatThrownBy(f::join).cause().isInstanceOf(TurnException.class);
  }

  @Test
  void framesBothWaysOnTheSchedulerAndReportsTheServersClose() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      EventLoopScheduler scheduler = new EventLoopScheduler(group.next());
      CompletableFuture<TurnStream> f =
          NettyTurnConnector.defaults()
              .withConnectTimeout(Duration.ofSeconds(5))
              .connect(tcp(listener.getLocalPort()), scheduler);
      try (Socket server = listener.accept()) {
        TurnStream stream = f.get(10, TimeUnit.SECONDS);
        assertThat(stream.isStream()).isTrue();
        assertThat(stream.server())
            .isEqualTo(new InetSocketAddress("127.0.0.1", listener.getLocalPort()));
        assertThat(stream.localAddress().getPort()).isEqualTo(server.getPort());
        LinkedBlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Boolean> onLoop = new LinkedBlockingQueue<>();
        CountDownLatch closed = new CountDownLatch(1);
        scheduler.execute(
            () -> {
              stream.onMessage(
                  m -> {
                    onLoop.add(scheduler.inScheduler());
                    got.add(m);
                  });
              stream.onClose(closed::countDown);
              stream.send(new byte[] {0x40, 0x01, 0, 2, 7, 8, 0, 0});
            });
        InputStream in = server.getInputStream();
        assertThat(in.readNBytes(8)).containsExactly(0x40, 0x01, 0, 2, 7, 8, 0, 0);
        OutputStream out = server.getOutputStream();
        // ChannelData with 1 byte of data and 3 of padding, then a bare STUN header
        out.write(new byte[] {0x40, 0x02, 0, 1, 5, 0, 0, 0});
        out.write(new byte[] {1, 1, 0, 0, 0x21, 0x12, (byte) 0xA4, 0x42});
        out.write(new byte[12]);
        out.flush();
        assertThat(got.poll(5, TimeUnit.SECONDS)).containsExactly(0x40, 0x02, 0, 1, 5);
        assertThat(got.poll(5, TimeUnit.SECONDS)).hasSize(20);
        assertThat(onLoop).containsOnly(true);
        server.close();
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.isClosed()).isTrue();
      }
    }
  }
}
