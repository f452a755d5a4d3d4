package dev.squall.turn.server;

import static dev.squall.turn.server.FakeClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMethod;
import dev.squall.stun.attribute.Data;
import dev.squall.stun.attribute.Lifetime;
import dev.squall.stun.attribute.RequestedAddressFamily;
import dev.squall.stun.attribute.XorPeerAddress;
import dev.squall.turn.ChannelData;
import dev.squall.turn.server.TurnHarness.Peer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Refresh, CreatePermission, ChannelBind and the data path (RFC 8656 §7.3–§12): Send and Data
 * indications, ChannelData both ways, permission and channel expiry, allocation expiry.
 */
class TurnServerRelayTest {

  private final TurnHarness h = new TurnHarness();
  private final FakeClient alice = h.client("198.51.100.10", 40000);
  private final Peer peer = h.peer("198.51.100.20", 5000);
  private final Peer other = h.peer("198.51.100.21", 6000);

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void refreshToZeroDeletesTheAllocationAndFreesItsPort() {
    InetSocketAddress relayed = alice.allocated();

    StunMessage r = alice.refresh(0);

    assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(r.attribute(Lifetime.class)).contains(new Lifetime(0));
    assertThat(h.server.allocationCount()).isZero();
    assertThat(h.stats.allocationsActive()).isZero();
    assertThat(h.quotas.usedBy("alice")).isZero();
    h.hub.bind(relayed).close(); // the port is free
    assertThat(errorCode(alice.refresh(600))).isEqualTo(437);
  }

  @Test
  void refreshWithoutAnAllocationIs437AndAForeignFamilyIs443() {
    assertThat(errorCode(alice.refresh(600))).isEqualTo(437);
    alice.allocated();
    assertThat(
            errorCode(
                alice.request(
                    StunMethod.REFRESH,
                    new RequestedAddressFamily(RequestedAddressFamily.IPV6),
                    new Lifetime(600))))
        .isEqualTo(443);
  }

  @Test
  void theAllocationExpiresAfterItsLifetimeAndFreesItsPortAndQuota() {
    InetSocketAddress relayed = alice.allocated();

    h.advance(Duration.ofSeconds(599));
    assertThat(h.server.allocationCount()).isEqualTo(1);
    h.advance(Duration.ofSeconds(2));

    assertThat(h.server.allocationCount()).isZero();
    assertThat(h.stats.allocationsActive()).isZero();
    assertThat(h.quotas.used()).isZero();
    h.hub.bind(relayed).close();
  }

  @Test
  void aRefreshMovesTheExpiry() {
    alice.allocated();
    h.advance(Duration.ofSeconds(500));
    alice.refresh(600);
    h.advance(Duration.ofSeconds(500));

    assertThat(h.server.allocationCount()).isEqualTo(1);
  }

  @Test
  void sendIndicationsReachPermittedPeersFromTheRelayedAddress() {
    InetSocketAddress relayed = alice.allocated();
    assertThat(alice.permit(peer.address(), other.address()).messageClass())
        .isEqualTo(StunClass.SUCCESS_RESPONSE);

    alice.sendIndication(peer.address(), bytes("hello"));
    alice.sendIndication(other.address(), bytes("there"));
    h.deliver();

    assertThat(peer.data).containsExactly(bytes("hello"));
    assertThat(peer.from).containsExactly(relayed);
    assertThat(other.data).containsExactly(bytes("there"));
    assertThat(h.stats.relayedPacketsToPeer()).isEqualTo(2);
    assertThat(h.stats.relayedBytesToPeer()).isEqualTo(10);
  }

  @Test
  void peerDatagramsReachTheClientAsDataIndications() {
    InetSocketAddress relayed = alice.allocated();
    alice.permit(peer.address());

    peer.sendTo(relayed, bytes("from peer"));
    h.deliver();

    StunMessage data = alice.last();
    assertThat(data.type().method()).isEqualTo(StunMethod.DATA);
    assertThat(data.messageClass()).isEqualTo(StunClass.INDICATION);
    assertThat(data.attribute(XorPeerAddress.class).orElseThrow().address())
        .isEqualTo(peer.address());
    assertThat(data.attribute(Data.class).orElseThrow().value()).isEqualTo(bytes("from peer"));
    assertThat(h.stats.relayedPacketsToClient()).isEqualTo(1);
    assertThat(h.stats.relayedBytesToClient()).isEqualTo(9);
  }

  @Test
  void withoutAPermissionNothingIsRelayedEitherWayAndDropsAreCounted() {
    InetSocketAddress relayed = alice.allocated();
    int before = alice.received.size();

    alice.sendIndication(peer.address(), bytes("x"));
    peer.sendTo(relayed, bytes("y"));
    h.deliver();

    assertThat(peer.data).isEmpty();
    assertThat(alice.received).hasSize(before);
    assertThat(h.stats.refusals(TurnStats.REASON_NO_PERMISSION)).isEqualTo(2);
  }

  @Test
  void aPermissionCoversThePeersIpAddressOnAnyPort() {
    InetSocketAddress relayed = alice.allocated();
    alice.permit(new InetSocketAddress(peer.address().getAddress(), 1));
    Peer samehost = h.peer("198.51.100.20", 7000);

    samehost.sendTo(relayed, bytes("z"));
    h.deliver();

    assertThat(FakeClient.decode(alice.received.get(alice.received.size() - 1)).method())
        .isEqualTo(StunMethod.DATA);
  }

  @Test
  void aPermissionExpiresAfterFiveMinutesAndStopsRelaying() {
    InetSocketAddress relayed = alice.allocated();
    alice.permit(peer.address());
    h.advance(Duration.ofSeconds(299));
    alice.sendIndication(peer.address(), bytes("still"));
    h.deliver();
    assertThat(peer.data).hasSize(1);

    h.advance(Duration.ofSeconds(2));
    int before = alice.received.size();
    alice.sendIndication(peer.address(), bytes("gone"));
    peer.sendTo(relayed, bytes("gone"));
    h.deliver();

    assertThat(peer.data).hasSize(1);
    assertThat(alice.received).hasSize(before);
    assertThat(h.stats.refusals(TurnStats.REASON_NO_PERMISSION)).isEqualTo(2);
  }

  @Test
  void createPermissionNeedsAPeerAddressAndTheAllocationsFamily() {
    alice.allocated();

    assertThat(errorCode(alice.request(StunMethod.CREATE_PERMISSION))).isEqualTo(400);
    assertThat(errorCode(alice.permit(new InetSocketAddress(TurnHarness.ip("2001:db8::5"), 5000))))
        .isEqualTo(443);
  }

  @Test
  void requestsWithoutAnAllocationAre437() {
    assertThat(errorCode(alice.permit(peer.address()))).isEqualTo(437);
    assertThat(errorCode(alice.bind(0x4000, peer.address()))).isEqualTo(437);
  }

  @Test
  void thePermissionLimitIs508() {
    TurnHarness small = new TurnHarness(TurnHarness.defaultConfig().withAllocationLimits(2, 2));
    FakeClient c = small.client("198.51.100.10", 40000);
    c.allocated();
    InetSocketAddress p1 = new InetSocketAddress(TurnHarness.ip("198.51.100.31"), 1);
    InetSocketAddress p2 = new InetSocketAddress(TurnHarness.ip("198.51.100.32"), 1);
    InetSocketAddress p3 = new InetSocketAddress(TurnHarness.ip("198.51.100.33"), 1);

    assertThat(c.permit(p1, p2).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(c.permit(p1).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE); // refresh
    assertThat(errorCode(c.permit(p3))).isEqualTo(508);

    small.advance(Duration.ofSeconds(301)); // both expire: room again
    c.staleRetries = 1;
    assertThat(c.permit(p3).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
  }

  @Test
  void channelDataFlowsBothWaysOnABoundChannel() {
    InetSocketAddress relayed = alice.allocated();
    assertThat(alice.bind(0x4001, peer.address()).messageClass())
        .isEqualTo(StunClass.SUCCESS_RESPONSE);

    alice.raw(ChannelData.encode(0x4001, bytes("abc"), 0, 3, false));
    peer.sendTo(relayed, bytes("defg"));
    h.deliver();

    assertThat(peer.data).containsExactly(bytes("abc"));
    assertThat(peer.from).containsExactly(relayed);
    byte[] last = alice.received.get(alice.received.size() - 1);
    assertThat(last).isEqualTo(ChannelData.encode(0x4001, bytes("defg"), 0, 4, false));
  }

  @Test
  void overTcpChannelDataToTheClientIsPadded() {
    FakeClient tcp = h.client("198.51.100.10", 40001, ClientProtocol.TCP);
    InetSocketAddress relayed = tcp.allocated();
    tcp.bind(0x4000, peer.address());

    peer.sendTo(relayed, bytes("12345"));
    h.deliver();

    byte[] last = tcp.received.get(tcp.received.size() - 1);
    assertThat(last).hasSize(12).isEqualTo(ChannelData.encode(0x4000, bytes("12345"), 0, 5, true));
  }

  @Test
  void aTcpConnectionClosingDeletesItsAllocation() {
    FakeClient tcp = h.client("198.51.100.10", 40001, ClientProtocol.TCP);
    InetSocketAddress relayed = tcp.allocated();

    h.server.connectionClosed(tcp);

    assertThat(h.server.allocationCount()).isZero();
    assertThat(h.stats.allocationsActive()).isZero();
    h.hub.bind(relayed).close();
  }

  @Test
  void channelDataOnAnUnboundChannelIsDroppedAndCounted() {
    alice.allocated();
    alice.permit(peer.address());

    alice.raw(ChannelData.encode(0x4002, bytes("abc"), 0, 3, false));
    h.deliver();

    assertThat(peer.data).isEmpty();
    assertThat(h.stats.refusals(TurnStats.REASON_NO_BINDING)).isEqualTo(1);
  }

  @Test
  void channelNumbersOutsideTheRangeAre400() {
    alice.allocated();

    assertThat(errorCode(alice.bind(0x3FFF, peer.address()))).isEqualTo(400);
    assertThat(errorCode(alice.bind(0x5000, peer.address()))).isEqualTo(400);
    assertThat(
            errorCode(alice.request(StunMethod.CHANNEL_BIND, new XorPeerAddress(peer.address()))))
        .isEqualTo(400);
  }

  @Test
  void rebindingAChannelOrAPeerToSomethingElseIs400ButRefreshingIsFine() {
    alice.allocated();
    alice.bind(0x4000, peer.address());

    assertThat(errorCode(alice.bind(0x4000, other.address()))).isEqualTo(400);
    assertThat(errorCode(alice.bind(0x4001, peer.address()))).isEqualTo(400);
    assertThat(alice.bind(0x4000, peer.address()).messageClass())
        .isEqualTo(StunClass.SUCCESS_RESPONSE);
  }

  @Test
  void theChannelLimitIs508() {
    TurnHarness small = new TurnHarness(TurnHarness.defaultConfig().withAllocationLimits(8, 1));
    FakeClient c = small.client("198.51.100.10", 40000);
    c.allocated();

    assertThat(c.bind(0x4000, peer.address()).messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(errorCode(c.bind(0x4001, other.address()))).isEqualTo(508);
  }

  @Test
  void anExpiredChannelFallsBackToDataIndicationsAndCanBeRebound() {
    InetSocketAddress relayed = alice.allocated();
    alice.staleRetries = 10;
    alice.bind(0x4000, peer.address());
    // keep the allocation and the permission alive, not the channel
    for (int i = 0; i < 3; i++) {
      h.advance(Duration.ofSeconds(250));
      alice.refresh(600);
      alice.permit(peer.address());
    }

    peer.sendTo(relayed, bytes("late"));
    h.deliver();

    StunMessage data = alice.last();
    assertThat(data.method()).isEqualTo(StunMethod.DATA);
    assertThat(alice.bind(0x4000, other.address()).messageClass())
        .isEqualTo(StunClass.SUCCESS_RESPONSE);
  }

  @Test
  void channelBindInstallsThePermission() {
    InetSocketAddress relayed = alice.allocated();
    alice.bind(0x4000, peer.address());

    alice.sendIndication(peer.address(), bytes("via send"));
    h.deliver();

    assertThat(peer.data).containsExactly(bytes("via send"));
    assertThat(relayed).isNotNull();
  }

  @Test
  void bandwidthBeyondTheBucketIsDroppedAndCountedThenRefills() {
    TurnHarness limited = new TurnHarness(TurnHarness.defaultConfig().withBandwidth(2000, 2000));
    FakeClient c = limited.client("198.51.100.10", 40000);
    Peer p = limited.peer("198.51.100.20", 5000);
    c.allocated();
    c.bind(0x4000, p.address());
    byte[] kilobyte = new byte[1000];

    for (int i = 0; i < 5; i++) {
      c.raw(ChannelData.encode(0x4000, kilobyte, 0, 1000, false));
    }
    limited.deliver();
    assertThat(p.data).hasSize(2);
    assertThat(limited.stats.refusals(TurnStats.REASON_BANDWIDTH)).isEqualTo(3);

    limited.advance(Duration.ofSeconds(1));
    c.raw(ChannelData.encode(0x4000, kilobyte, 0, 1000, false));
    limited.deliver();
    assertThat(p.data).hasSize(3);
  }

  @Test
  void peerDatagramsThatWouldNotFitTheMaximumMessageSizeAreDropped() {
    InetSocketAddress relayed = alice.allocated();
    alice.permit(peer.address());
    int before = alice.received.size();

    peer.sendTo(relayed, new byte[h.config.maxMessageSize()]);
    h.deliver();

    assertThat(alice.received).hasSize(before);
    assertThat(h.stats.refusals(TurnStats.REASON_OVERSIZED)).isEqualTo(1);
  }

  @Test
  void closeReleasesEveryRelaySocket() {
    InetSocketAddress relayed = alice.allocated();

    h.server.close();

    assertThat(h.stats.allocationsActive()).isZero();
    h.hub.bind(relayed).close();
  }
}
