package dev.squall.vnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.net.DatagramTransport;
import dev.squall.util.VirtualScheduler;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Mapping lifetimes run on the virtual clock: minutes of NAT idleness take microseconds. */
class NatTimeoutTest {

  private final VirtualScheduler scheduler = new VirtualScheduler();
  private final VirtualNetwork net = new VirtualNetwork(scheduler, 3);
  private Router nat;
  private DatagramTransport alice;
  private DatagramTransport server;
  private Inbox atAlice;
  private Inbox atServer;

  private void setUp(NatBehavior behavior) {
    nat = net.addNat("nat", behavior);
    alice = nat.addHost("alice").bind(5000);
    server = net.addPublicHost("server").bind(3478);
    atAlice = new Inbox(scheduler);
    atServer = new Inbox(scheduler);
    alice.onReceive(atAlice);
    server.onReceive(atServer);
  }

  private InetSocketAddress punch() {
    alice.send(server.localAddress(), new byte[] {1});
    scheduler.runUntilIdle();
    return atServer.lastFrom();
  }

  private boolean replyPasses(InetSocketAddress mapped) {
    int before = atAlice.size();
    server.send(mapped, new byte[] {2});
    scheduler.runUntilIdle();
    return atAlice.size() > before;
  }

  @Test
  void mappingLapsesAfterTheTimeoutOfOutboundSilence() {
    setUp(NatBehavior.PORT_RESTRICTED_CONE.withMappingTimeout(Duration.ofSeconds(30)));
    InetSocketAddress mapped = punch();
    assertThat(nat.mappings())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.external()).isEqualTo(mapped);
              assertThat(m.expiresAtNanos()).isEqualTo(Duration.ofSeconds(30).toNanos());
            });
    scheduler.advance(Duration.ofSeconds(29).plusMillis(999));
    assertThat(replyPasses(mapped)).isTrue();
    // inbound traffic does not refresh by default: the mapping still ends at t = 30 s
    scheduler.advance(Duration.ofMillis(1));
    assertThat(replyPasses(mapped)).isFalse();
    assertThat(net.dropped(DropReason.NO_MAPPING)).isEqualTo(1);
    assertThat(nat.mappings()).isEmpty();
    assertThat(scheduler.nanoTime()).isEqualTo(Duration.ofSeconds(30).toNanos());
  }

  @Test
  void outboundKeepalivesHoldTheMappingForTenMinutes() {
    setUp(NatBehavior.SYMMETRIC.withMappingTimeout(Duration.ofSeconds(30)));
    InetSocketAddress mapped = punch();
    for (int i = 0; i < 40; i++) {
      scheduler.advance(Duration.ofSeconds(15));
      assertThat(punch()).isEqualTo(mapped);
    }
    assertThat(replyPasses(mapped)).isTrue();
    assertThat(scheduler.nanoTime()).isEqualTo(Duration.ofMinutes(10).toNanos());
  }

  @Test
  void inboundRefreshKeepsTheMappingWhenEnabled() {
    setUp(
        NatBehavior.FULL_CONE.withMappingTimeout(Duration.ofSeconds(30)).withInboundRefresh(true));
    InetSocketAddress mapped = punch();
    for (int i = 0; i < 4; i++) {
      scheduler.advance(Duration.ofSeconds(20));
      assertThat(replyPasses(mapped)).isTrue();
    }
    scheduler.advance(Duration.ofSeconds(30));
    assertThat(replyPasses(mapped)).isFalse();
  }

  @Test
  void aLapsedMappingIsReplacedByAFreshOneWithANewPort() {
    setUp(
        NatBehavior.PORT_RESTRICTED_CONE
            .withPortAssignment(PortAssignment.SEQUENTIAL)
            .withMappingTimeout(Duration.ofSeconds(60)));
    InetSocketAddress first = punch();
    scheduler.advance(Duration.ofSeconds(61));
    InetSocketAddress second = punch();
    assertThat(first.getPort()).isEqualTo(49152);
    assertThat(second.getPort()).isEqualTo(49153);
    assertThat(replyPasses(first)).isFalse();
    assertThat(replyPasses(second)).isTrue();
  }
}
