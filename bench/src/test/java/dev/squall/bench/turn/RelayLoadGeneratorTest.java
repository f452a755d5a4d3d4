package dev.squall.bench.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RelayLoadGeneratorTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private static RelayLoadGenerator.Config config(double rate) {
    return new RelayLoadGenerator.Config(
        rate, 100, false, Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(300));
  }

  @Test
  void directPathBringsEveryDatagramBackAndTimesIt() throws Exception {
    try (EchoPeer peer = new EchoPeer();
        TurnSession a = TurnSession.direct(LOOPBACK, peer.address());
        TurnSession b = TurnSession.direct(LOOPBACK, peer.address())) {
      var r =
          new RelayLoadGenerator(config(2000))
              .run("direct", List.of(a.channel(), b.channel()), () -> -1);

      // 2,000 relayed pkt/s are 1,000 sends/s: about 500 in the 0.5 s period
      assertThat(r.sent()).isBetween(300L, 600L);
      assertThat(r.received()).isEqualTo(r.sent());
      assertThat(r.lossRatio()).isZero();
      assertThat(r.latency().count()).isEqualTo(r.received());
      assertThat(r.relayedPacketsPerSecond()).isEqualTo(2.0 * r.received() / 0.5);
      assertThat(r.serverCpuMicrosPerPacket()).isNaN();
      assertThat(r.invalid()).isZero();
    }
  }

  @Test
  void datagramsThatNeverComeBackCountAsLost() throws Exception {
    try (DatagramChannel sink = DatagramChannel.open()) {
      sink.bind(new InetSocketAddress(LOOPBACK, 0)); // receives, never answers
      try (TurnSession a =
          TurnSession.direct(LOOPBACK, (InetSocketAddress) sink.getLocalAddress())) {
        var r = new RelayLoadGenerator(config(2000)).run("sink", List.of(a.channel()), () -> -1);

        assertThat(r.sent()).isPositive();
        assertThat(r.received()).isZero();
        assertThat(r.lossRatio()).isEqualTo(1.0);
        assertThat(r.relayedPacketsPerSecond()).isZero();
      }
    }
  }
}
