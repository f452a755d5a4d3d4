package dev.squall.turn.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.net.DatagramTransport;
import dev.squall.stun.StunClass;
import dev.squall.stun.StunCredentials;
import dev.squall.stun.StunException;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageBuilder;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunMethod;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.ChannelNumber;
import dev.squall.stun.attribute.Nonce;
import dev.squall.stun.attribute.Realm;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.stun.attribute.StunAttribute;
import dev.squall.stun.attribute.Username;
import dev.squall.stun.attribute.XorMappedAddress;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.stun.attribute.XorRelayedAddress;
import dev.squall.testkit.Topology;
import dev.squall.turn.ChannelData;
import dev.squall.vnet.Host;
import dev.squall.vnet.NatBehavior;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server on a virtual network: alice behind a port-restricted NAT allocates on a public TURN
 * server and exchanges ChannelData with bob, a public peer, through the relay; everything on
 * virtual time with real (virtual) UDP sockets on both sides of the server.
 */
class TurnServerVnetTest {

  private final Topology net =
      Topology.builder().alice(NatBehavior.PORT_RESTRICTED_CONE).seed(3).build();
  private final TurnStats stats = new TurnStats();
  private final TurnServerConfig config =
      TurnServerConfig.defaults(net.server().ip())
          .withUsers(Map.of("alice", "alice-pass"))
          .withNonceSecret("vnet");
  private final TurnServer server =
      new TurnServer(
          config,
          net.scheduler(),
          (address, port, scheduler) -> bindOn(net.server(), port),
          new TurnQuotas(config),
          stats,
          java.time.InstantSource.system(),
          new Random(5));
  private final DatagramTransport listener = net.server().bind(3478);
  private final DatagramTransport aliceSocket = net.alice().bind(5000);
  private final DatagramTransport bobSocket = net.bob().bind(6000);
  private final List<byte[]> aliceGot = new ArrayList<>();
  private final List<byte[]> bobGot = new ArrayList<>();
  private final Random random = new Random(11);
  private String nonce;

  /** A UDP 5-tuple on the vnet listener. */
  record VnetClient(DatagramTransport listener, InetSocketAddress clientAddress)
      implements ClientConnection {
    @Override
    public ClientProtocol protocol() {
      return ClientProtocol.UDP;
    }

    @Override
    public InetSocketAddress serverAddress() {
      return listener.localAddress();
    }

    @Override
    public void send(byte[] message) {
      listener.send(clientAddress, message);
    }
  }

  TurnServerVnetTest() {
    listener.onReceive((from, data) -> server.handle(new VnetClient(listener, from), data));
    aliceSocket.onReceive((from, data) -> aliceGot.add(data));
    bobSocket.onReceive((from, data) -> bobGot.add(data));
  }

  @AfterEach
  void closeServer() {
    server.close();
  }

  @Test
  void aNattedClientRelaysChannelDataToAPublicPeerAndBack() throws StunException {
    StunMessage allocated = request(StunMethod.ALLOCATE, new RequestedTransport(17));
    assertThat(allocated.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    InetSocketAddress relayed =
        allocated.attribute(XorRelayedAddress.class).orElseThrow().address();
    InetSocketAddress mapped = allocated.attribute(XorMappedAddress.class).orElseThrow().address();
    assertThat(mapped.getAddress()).isEqualTo(net.aliceNat().externalAddress());
    InetSocketAddress bob = net.bob().address(6000);

    StunMessage bound =
        request(StunMethod.CHANNEL_BIND, new ChannelNumber(0x4000), new XorPeerAddress(bob));
    assertThat(bound.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);

    aliceSocket.send(relayedServer(), ChannelData.encode(0x4000, new byte[] {1, 2}, 0, 2, false));
    net.run(Duration.ofMillis(100));
    bobSocket.send(relayed, new byte[] {3, 4, 5});
    net.run(Duration.ofMillis(100));

    assertThat(bobGot).containsExactly(new byte[] {1, 2});
    assertThat(aliceGot.get(aliceGot.size() - 1))
        .isEqualTo(ChannelData.encode(0x4000, new byte[] {3, 4, 5}, 0, 3, false));
    assertThat(stats.relayedPacketsToPeer()).isEqualTo(1);
    assertThat(stats.relayedPacketsToClient()).isEqualTo(1);
  }

  private InetSocketAddress relayedServer() {
    return net.server().address(3478);
  }

  private StunMessage request(StunMethod method, StunAttribute... attributes) throws StunException {
    if (nonce == null) {
      StunMessage challenge = exchange(builder(method, attributes).build());
      nonce = challenge.attribute(Nonce.class).orElseThrow().value();
    }
    byte[] key = StunCredentials.longTermKey("alice", config.realm(), "alice-pass");
    StunMessage signed =
        builder(method, attributes)
            .add(new Username("alice"))
            .add(new Realm(config.realm()))
            .add(new Nonce(nonce))
            .addMessageIntegrity(key)
            .addFingerprint()
            .build();
    StunMessage response = exchange(signed);
    assertThat(response.verifyMessageIntegrity(key)).isTrue();
    return response;
  }

  private StunMessageBuilder builder(StunMethod method, StunAttribute... attributes) {
    StunMessageBuilder b =
        StunMessage.builder(
            new StunMessageType(method, StunClass.REQUEST), TransactionId.random(random));
    for (StunAttribute a : attributes) {
      b.add(a);
    }
    return b;
  }

  private StunMessage exchange(StunMessage request) throws StunException {
    int before = aliceGot.size();
    aliceSocket.send(relayedServer(), request.encode());
    net.scheduler().runUntil(() -> aliceGot.size() > before, Duration.ofSeconds(1));
    return StunMessage.decode(aliceGot.get(aliceGot.size() - 1));
  }

  private static DatagramTransport bindOn(Host host, int port) throws java.net.BindException {
    try {
      return host.bind(port);
    } catch (IllegalStateException e) {
      throw new java.net.BindException(e.getMessage());
    }
  }
}
