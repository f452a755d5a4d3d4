package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunMethod;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.XorMappedAddress;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** STUN Binding over real UDP and TCP sockets through the running server. */
class StunListenersTest {

  static SquallServer server;
  static InetAddress loopback;

  @BeforeAll
  static void start() throws Exception {
    loopback = InetAddress.getByName("127.0.0.1");
    server = new SquallServer(TestServers.config().stunPort(0).build());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static StunMessage bindingRequest() {
    return StunMessage.builder(StunMessageType.BINDING_REQUEST, TransactionId.random()).build();
  }

  @Test
  void portsAreBound() {
    assertThat(server.stunUdpPort()).isPositive();
    assertThat(server.stunTcpPort()).isPositive();
  }

  @Test
  void udpBindingReturnsTheClientsAddress() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
      socket.setSoTimeout(5000);
      StunMessage request = bindingRequest();
      StunMessage response = exchange(socket, request.encode());
      assertThat(response.transactionId()).isEqualTo(request.transactionId());
      assertThat(response.type()).isEqualTo(StunMessageType.BINDING_SUCCESS);
      assertThat(response.attribute(XorMappedAddress.class).orElseThrow().address())
          .isEqualTo(socket.getLocalSocketAddress());
      assertThat(response.verifyFingerprint()).isTrue();
    }
  }

  @Test
  void malformedDatagramsAreCountedAndTheServerKeepsAnswering() throws Exception {
    double notStunBefore = count("udp", "dropped_not_stun");
    double malformedBefore = count("udp", "dropped_malformed");
    double turnMalformedBefore = MetricsText.value(scrape(), "squall_turn_malformed_total");
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
      socket.setSoTimeout(5000);
      byte[] valid = bindingRequest().encode();
      byte[] lyingLength = valid.clone();
      lyingLength[3] = 40; // claims 40 body bytes, has none
      byte[][] junk = {
        "hello".getBytes(StandardCharsets.US_ASCII),
        new byte[0],
        new byte[] {(byte) 0xC0, 1, 0, 0},
        Arrays.copyOf(valid, 12),
        lyingLength,
      };
      for (byte[] j : junk) {
        socket.send(new DatagramPacket(j, j.length, loopback, server.stunUdpPort()));
      }
      StunMessage request = bindingRequest();
      StunMessage response = exchange(socket, request.encode());
      // datagrams are handled in order on one channel: the junk was processed before this answer
      assertThat(response.transactionId()).isEqualTo(request.transactionId());
      assertThat(count("udp", "dropped_not_stun") - notStunBefore).isEqualTo(3.0);
      assertThat(count("udp", "dropped_malformed") - malformedBefore).isEqualTo(1.0);
      // "hello" starts with the bits 01 of ChannelData: TURN (on by default) drops and counts it
      assertThat(MetricsText.value(scrape(), "squall_turn_malformed_total") - turnMalformedBefore)
          .isEqualTo(1.0);
      socket.setSoTimeout(300);
      DatagramPacket extra = new DatagramPacket(new byte[2048], 2048);
      try {
        socket.receive(extra);
        throw new AssertionError("junk must not be answered");
      } catch (SocketTimeoutException expected) {
        // nothing was sent for the junk
      }
    }
  }

  @Test
  void nonBindingRequestGets400() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
      socket.setSoTimeout(5000);
      StunMessage allocate =
          StunMessage.builder(
                  new StunMessageType(StunMethod.ALLOCATE, StunClass.REQUEST),
                  TransactionId.random())
              .build();
      StunMessage response = exchange(socket, allocate.encode());
      assertThat(response.messageClass()).isEqualTo(StunClass.ERROR_RESPONSE);
    }
  }

  @Test
  void tcpBindingHandlesCoalescedAndSplitFrames() throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(loopback, server.stunTcpPort()), 5000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      StunMessage a = bindingRequest();
      StunMessage b = bindingRequest();
      StunMessage c = bindingRequest();
      ByteArrayOutputStream two = new ByteArrayOutputStream();
      two.write(a.encode());
      two.write(b.encode());
      out.write(two.toByteArray());
      byte[] split = c.encode();
      out.write(split, 0, 7);
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      assertMapped(readFrame(in), a, socket);
      assertMapped(readFrame(in), b, socket);
      out.write(split, 7, split.length - 7);
      out.flush();
      assertMapped(readFrame(in), c, socket);
    }
    assertThat(count("tcp", "binding_success")).isGreaterThanOrEqualTo(3.0);
  }

  @Test
  void tcpStreamThatIsNotStunIsClosed() throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(loopback, server.stunTcpPort()), 5000);
      socket.setSoTimeout(5000);
      socket.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void silentTcpConnectionsAreClosed() throws Exception {
    try (SquallServer quick =
            new SquallServer(
                TestServers.config()
                    .stunPort(0)
                    .stunTcpIdleTimeout(java.time.Duration.ofMillis(300))
                    .build());
        Socket socket = new Socket()) {
      quick.start();
      socket.connect(new InetSocketAddress(loopback, quick.stunTcpPort()), 5000);
      socket.setSoTimeout(10_000);
      long start = System.nanoTime();
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
      assertThat(System.nanoTime() - start).isGreaterThan(200_000_000L);
    }
  }

  @Test
  void metricsShowStunOutcomesByTransport() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
      socket.setSoTimeout(5000);
      exchange(socket, bindingRequest().encode());
    }
    String text = TestServers.get(server, "/metrics").body();
    assertThat(text)
        .contains("squall_stun_requests_total{outcome=\"binding_success\",transport=\"udp\"}");
  }

  private static void assertMapped(byte[] frame, StunMessage request, Socket socket)
      throws Exception {
    StunMessage response = StunMessage.decode(frame);
    assertThat(response.transactionId()).isEqualTo(request.transactionId());
    assertThat(response.attribute(XorMappedAddress.class).orElseThrow().address())
        .isEqualTo(socket.getLocalSocketAddress());
  }

  private static byte[] readFrame(DataInputStream in) throws Exception {
    byte[] header = new byte[20];
    in.readFully(header);
    int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
    byte[] frame = Arrays.copyOf(header, 20 + length);
    in.readFully(frame, 20, length);
    return frame;
  }

  private static StunMessage exchange(DatagramSocket socket, byte[] request) throws Exception {
    socket.send(new DatagramPacket(request, request.length, loopback, server.stunUdpPort()));
    DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
    socket.receive(p);
    return StunMessage.decode(Arrays.copyOf(p.getData(), p.getLength()));
  }

  /** The current value of squall.stun.requests for the tags (0 when not yet registered). */
  static double count(String transport, String outcome) {
    return MetricsText.value(
        scrape(),
        "squall_stun_requests_total{outcome=\"" + outcome + "\",transport=\"" + transport + "\"}");
  }

  private static String scrape() {
    try {
      return TestServers.get(server, "/metrics").body();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
