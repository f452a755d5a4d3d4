package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.server.internal.NettyTransport;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.XorMappedAddress;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The portable NIO transport (used where epoll is unavailable) serves HTTP and STUN too. */
class NioTransportTest {

  @Test
  void httpAndStunWorkOnNio() throws Exception {
    try (SquallServer server =
        new SquallServer(TestServers.config().stunPort(0).build(), NettyTransport.nio())) {
      server.start();
      assertThat(TestServers.get(server, "/healthz").statusCode()).isEqualTo(200);
      InetAddress loopback = InetAddress.getByName("127.0.0.1");
      try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
        socket.setSoTimeout(5000);
        byte[] request =
            StunMessage.builder(StunMessageType.BINDING_REQUEST, TransactionId.random())
                .build()
                .encode();
        socket.send(new DatagramPacket(request, request.length, loopback, server.stunUdpPort()));
        DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
        socket.receive(p);
        StunMessage response = StunMessage.decode(Arrays.copyOf(p.getData(), p.getLength()));
        assertThat(response.attribute(XorMappedAddress.class).orElseThrow().address())
            .isEqualTo(socket.getLocalSocketAddress());
      }
    }
  }
}
