package dev.squall.vnet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.net.DatagramTransport;
import dev.squall.util.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenario shown in ARCHITECTURE-SECTION.md, kept compiling and passing. */
class ScenarioExampleTest {

  @Test
  void theDocumentedScenario() {
    List<byte[]> echoes = new ArrayList<>();
    // --- example start
    VirtualScheduler clock = new VirtualScheduler();
    VirtualNetwork net = new VirtualNetwork(clock, 42); // same seed, same run
    Host alice = net.addNat("home", NatBehavior.PORT_RESTRICTED_CONE).addHost("alice");
    Host server = net.addPublicHost("server");
    alice
        .link()
        .setConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(20)).withLoss(0.05));
    alice.link().up().addTap(Tap.dropNth(3, p -> p.firstByte() == 22)); // lose the 3rd record
    DatagramTransport a = alice.bind(5000);
    DatagramTransport s = server.bind(3478);
    s.onReceive((from, data) -> s.send(from, data)); // echo through the NAT
    a.onReceive((from, data) -> echoes.add(data));
    for (int i = 0; i < 10; i++) {
      a.send(s.localAddress(), new byte[] {22, (byte) i});
    }
    clock.advance(Duration.ofSeconds(1)); // one virtual second, in microseconds
    // --- example end
    assertThat(echoes).noneMatch(e -> e[1] == 2);
    long lost = net.dropped(DropReason.LOSS);
    assertThat(echoes).hasSize((int) (10 - 1 - lost));
    assertThat(net.dropped()).isEqualTo(1 + lost);
    assertThat(echoes).allMatch(e -> e[0] == 22);
    assertThat(clock.nanoTime()).isEqualTo(Duration.ofSeconds(1).toNanos());
  }
}
