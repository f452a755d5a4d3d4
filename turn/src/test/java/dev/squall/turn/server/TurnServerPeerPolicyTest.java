package dev.squall.turn.server;

import static dev.squall.turn.server.FakeClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.attribute.AdditionalAddressFamily;
import dev.squall.stun.attribute.XorPeerAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The peer address policy through the server: every refused form is answered with 403 on
 * CreatePermission and ChannelBind, a Send to it is dropped, each refusal is counted, and the
 * configuration switch for its category lets it through. The allocation has an IPv4 and an IPv6
 * relayed address, so that IPv6 peers are judged by the policy rather than refused as a family
 * mismatch.
 */
class TurnServerPeerPolicyTest {

  private static final InetAddress RELAY6 = TurnHarness.ip("2001:db8::1");
  private static final String TEREDO_LOOPBACK = "2001:0:4136:e378:8000:63bf:80ff:fffe";
  private static final int PORT = 50000; // a relay port, for the relay-to-relay case

  static Stream<Arguments> refused() {
    UnaryOperator<TurnServerConfig> loopback =
        c -> c.withPeerPolicy(c.peerPolicy().allowLoopback(true));
    UnaryOperator<TurnServerConfig> priv = c -> c.withPeerPolicy(c.peerPolicy().allowPrivate(true));
    return Stream.of(
        Arguments.of("127.0.0.1", loopback),
        Arguments.of("127.255.255.254", loopback),
        Arguments.of("0.0.0.0", allow("0.0.0.0/8")),
        Arguments.of("::", allow("::/128")),
        Arguments.of("::1", loopback),
        Arguments.of("::ffff:127.0.0.1", loopback),
        Arguments.of("::ffff:10.0.0.1", priv),
        Arguments.of("::127.0.0.1", loopback),
        Arguments.of("64:ff9b::7f00:1", loopback),
        Arguments.of("2002:7f00:1::", loopback),
        Arguments.of(TEREDO_LOOPBACK, loopback),
        Arguments.of("10.1.2.3", priv),
        Arguments.of("172.16.0.1", priv),
        Arguments.of("192.168.1.1", priv),
        Arguments.of("100.64.0.1", priv),
        Arguments.of("169.254.169.254", allow("169.254.169.254/32")),
        Arguments.of("fe80::1", allow("fe80::/10")),
        Arguments.of("fc00::1", priv),
        Arguments.of("224.0.0.1", allow("224.0.0.0/4")),
        Arguments.of("ff02::1", allow("ff00::/8")),
        Arguments.of("255.255.255.255", allow("255.255.255.255/32")),
        Arguments.of(
            "203.0.113.1", (UnaryOperator<TurnServerConfig>) c -> c.withAllowRelayToRelay(true)));
  }

  private static UnaryOperator<TurnServerConfig> allow(String cidr) {
    return c -> c.withPeerPolicy(c.peerPolicy().allow(cidr));
  }

  private static TurnServerConfig dualStack() {
    return TurnHarness.defaultConfig().withRelayAddresses(TurnHarness.RELAY, RELAY6);
  }

  private static FakeClient allocated(TurnHarness h) {
    FakeClient c = h.client("198.51.100.10", 40000);
    StunMessage r = c.allocate(new AdditionalAddressFamily(AdditionalAddressFamily.IPV6));
    assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    return c;
  }

  @ParameterizedTest
  @MethodSource("refused")
  void refusedByDefaultWith403AndCounted(String literal, UnaryOperator<TurnServerConfig> unused) {
    TurnHarness h = new TurnHarness(dualStack());
    FakeClient c = allocated(h);
    InetSocketAddress peer = new InetSocketAddress(TurnHarness.ip(literal), PORT);

    StunMessage permission = c.permit(peer);
    StunMessage channel = c.bind(0x4000, peer);
    c.sendIndication(peer, new byte[] {1, 2, 3});
    h.deliver();

    assertThat(errorCode(permission)).isEqualTo(403);
    assertThat(permission.verifyMessageIntegrity(c.key())).isTrue();
    assertThat(errorCode(channel)).isEqualTo(403);
    assertThat(h.stats.refusals(TurnStats.REASON_PEER_FORBIDDEN)).isEqualTo(3);
    assertThat(h.stats.relayedPacketsToPeer()).isZero();
    assertThat(h.hub.delivered()).isZero();
  }

  @ParameterizedTest
  @MethodSource("refused")
  void allowedWhenConfigured(String literal, UnaryOperator<TurnServerConfig> allowing) {
    TurnHarness h = new TurnHarness(allowing.apply(dualStack()));
    FakeClient c = allocated(h);
    InetSocketAddress peer = new InetSocketAddress(TurnHarness.ip(literal), PORT);

    assertThat(c.permit(peer).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(c.bind(0x4000, peer).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    c.sendIndication(peer, new byte[] {1, 2, 3});
    assertThat(h.stats.relayedPacketsToPeer()).isEqualTo(1);
    assertThat(h.stats.refusals(TurnStats.REASON_PEER_FORBIDDEN)).isZero();
  }

  @Test
  void cve202026262ThePeerZeroAddressNeverReachesTheServersLoopback() {
    // coturn relayed to 0.0.0.0 and [::], which the kernel delivers to the local host
    TurnHarness h =
        new TurnHarness(dualStack().withPeerPolicy(PeerAddressPolicy.strict().allowPrivate(true)));
    FakeClient c = allocated(h);

    for (String zero : new String[] {"0.0.0.0", "::"}) {
      InetSocketAddress peer = new InetSocketAddress(TurnHarness.ip(zero), 3478);
      assertThat(errorCode(c.permit(peer))).as(zero).isEqualTo(403);
      assertThat(errorCode(c.bind(0x4000, peer))).as(zero).isEqualTo(403);
      c.sendIndication(peer, new byte[] {1});
    }
    assertThat(h.stats.peerRefusalsByCategory()).containsEntry(PeerAddressPolicy.UNSPECIFIED, 6L);
    assertThat(h.stats.relayedPacketsToPeer()).isZero();
  }

  @Test
  void cve202627624AnIpv4MappedLoopbackPeerOnTheWireIs403() {
    // XOR-PEER-ADDRESS with family IPv6 and ::ffff:127.0.0.1
    TurnHarness h = new TurnHarness(dualStack());
    FakeClient c = allocated(h);
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
    InetSocketAddress peer = new InetSocketAddress(PeerAddressPolicyTest.inet6(mapped), 8080);

    StunMessage r =
        c.request(dev.squall.stun.StunMethod.CREATE_PERMISSION, new XorPeerAddress(peer));

    assertThat(errorCode(r)).isEqualTo(403);
    assertThat(h.stats.peerRefusalsByCategory()).containsEntry(PeerAddressPolicy.LOOPBACK, 1L);
  }

  @Test
  void relayToRelayStillRefusesTheServersOtherPorts() {
    TurnHarness h = new TurnHarness(dualStack().withAllowRelayToRelay(true));
    FakeClient c = allocated(h);
    InetSocketAddress listener = new InetSocketAddress(TurnHarness.RELAY, 3478);

    assertThat(errorCode(c.bind(0x4000, listener))).isEqualTo(403);
    assertThat(c.permit(listener).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    c.sendIndication(listener, new byte[] {1});
    assertThat(h.stats.relayedPacketsToPeer()).isZero();
    assertThat(h.stats.peerRefusalsByCategory())
        .containsEntry(PeerAddressPolicy.SERVER_ADDRESS, 2L);
  }

  @Test
  void theListenerAddressIsRefusedEvenWithRelayToRelay() {
    TurnHarness h = new TurnHarness(dualStack().withAllowRelayToRelay(true));
    FakeClient c = allocated(h);

    assertThat(errorCode(c.permit(new InetSocketAddress(TurnHarness.LISTENER, PORT))))
        .isEqualTo(403);
  }
}
