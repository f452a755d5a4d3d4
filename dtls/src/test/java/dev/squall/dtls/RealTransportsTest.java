package dev.squall.dtls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.net.ConnectedTransport;
import dev.squall.net.DatagramTransport;
import dev.squall.net.EventLoopScheduler;
import dev.squall.net.UdpTransport;
import dev.squall.vnet.Host;
import dev.squall.vnet.LinkConditions;
import dev.squall.vnet.VirtualNetwork;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The same handshake and data exchange over real UDP on loopback and over the virtual network. */
class RealTransportsTest {

  private static final DtlsConfig CONFIG = DtlsConfig.defaults();

  @Test
  void overUdpOnLoopback() throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try (UdpTransport a = UdpTransport.bind(group, any).get(20, TimeUnit.SECONDS);
        UdpTransport b = UdpTransport.bind(group, any).get(20, TimeUnit.SECONDS)) {
      exchange(a, b);
      assertThat(a.datagramsSent()).isPositive();
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  @Test
  void overTheVirtualNetworkWithDelayAndLoss() throws Exception {
    DefaultEventLoop loop = new DefaultEventLoop();
    try {
      VirtualNetwork net = new VirtualNetwork(new EventLoopScheduler(loop), 7);
      DatagramTransport[] pair =
          loop.submit(
                  () -> {
                    Host alice = net.addPublicHost("alice");
                    Host bob = net.addPublicHost("bob");
                    alice
                        .link()
                        .setConditions(
                            LinkConditions.PERFECT.withDelay(Duration.ofMillis(15)).withLoss(0.1));
                    return new DatagramTransport[] {alice.bind(5000), bob.bind(5000)};
                  })
              .get(20, TimeUnit.SECONDS);
      exchange(pair[0], pair[1]);
    } finally {
      loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }

  /** Client on {@code a}, server on {@code b}: handshake, data both ways, close. */
  private static void exchange(DatagramTransport a, DatagramTransport b) throws Exception {
    DtlsConfig config = CONFIG.withInitialRetransmit(Duration.ofMillis(200));
    // generate the certificates here, not inside an event-loop task (first use loads BouncyCastle)
    assertThat(Harness.CLIENT_CERT.fingerprint()).isNotEqualTo(Harness.SERVER_CERT.fingerprint());
    Harness.Events clientEvents = new Harness.Events(a.scheduler());
    Harness.Events serverEvents = new Harness.Events(b.scheduler());
    CompletableFuture<DtlsTransport[]> made = new CompletableFuture<>();
    a.scheduler()
        .execute(
            () -> {
              DtlsTransport client =
                  DtlsTransport.attach(
                      ConnectedTransport.attach(a, b.localAddress()),
                      DtlsRole.CLIENT,
                      Harness.CLIENT_CERT,
                      Harness.SERVER_CERT.fingerprint(),
                      config);
              b.scheduler()
                  .execute(
                      () ->
                          made.complete(
                              new DtlsTransport[] {
                                client,
                                DtlsTransport.attach(
                                    ConnectedTransport.attach(b, a.localAddress()),
                                    DtlsRole.SERVER,
                                    Harness.SERVER_CERT,
                                    Harness.CLIENT_CERT.fingerprint(),
                                    config)
                              }));
            });
    DtlsTransport client = made.get(20, TimeUnit.SECONDS)[0].listener(clientEvents);
    DtlsTransport server = made.get()[1].listener(serverEvents);
    try {
      CompletableFuture<DtlsHandshakeResult> s = server.start();
      client.start().get(20, TimeUnit.SECONDS);
      s.get(20, TimeUnit.SECONDS);
      for (int i = 0; i < 3; i++) {
        client.send(("c" + i).getBytes(UTF_8));
      }
      for (int i = 0; i < 3; i++) {
        server.send(("s" + i).getBytes(UTF_8));
      }
      // three copies each way: the vnet link loses 10% of datagrams
      assertThat(new String(serverEvents.data.poll(10, TimeUnit.SECONDS), UTF_8)).startsWith("c");
      assertThat(new String(clientEvents.data.poll(10, TimeUnit.SECONDS), UTF_8)).startsWith("s");
      server.close();
      assertThat(serverEvents.closed.get(20, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.LOCAL);
    } finally {
      client.close();
      server.close();
    }
    assertThat(clientEvents.onLoop && serverEvents.onLoop).isTrue();
  }
}
