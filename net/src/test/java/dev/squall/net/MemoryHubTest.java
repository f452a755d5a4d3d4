package dev.squall.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.util.VirtualScheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryHubTest {

  private final VirtualScheduler scheduler = new VirtualScheduler();

  @Test
  void pairDeliversInOrderInLaterTasksWithACopyOfTheData() {
    DatagramTransport[] pair = MemoryHub.pair(scheduler);
    List<String> got = new ArrayList<>();
    pair[1].onReceive((from, data) -> got.add(from + " " + data[0]));
    byte[] buf = {1};
    pair[0].send(pair[1].localAddress(), buf);
    buf[0] = 2;
    pair[0].send(pair[1].localAddress(), buf);
    assertThat(got).isEmpty(); // never delivered inside send
    scheduler.runUntilIdle();
    assertThat(got).containsExactly("/10.0.0.1:5000 1", "/10.0.0.1:5000 2");
  }

  @Test
  void ephemeralPortsUnknownDestinationsAndClose() throws Exception {
    MemoryHub hub = new MemoryHub(scheduler);
    InetAddress ip = InetAddress.getByName("10.1.1.1");
    DatagramTransport a = hub.bind(new InetSocketAddress(ip, 0));
    DatagramTransport b = hub.bind(new InetSocketAddress(ip, 0));
    assertThat(a.localAddress().getPort()).isEqualTo(49152);
    assertThat(b.localAddress().getPort()).isEqualTo(49153);
    assertThatThrownBy(() -> hub.bind(a.localAddress())).isInstanceOf(IllegalStateException.class);
    List<Integer> got = new ArrayList<>();
    b.onReceive((from, data) -> got.add((int) data[0]));
    List<String> events = new ArrayList<>();
    b.onClose(() -> events.add("closed"));
    a.send(new InetSocketAddress(ip, 1), new byte[] {1});
    a.send(b.localAddress(), new byte[] {2});
    b.close(); // the datagram in flight is dropped
    scheduler.runUntilIdle();
    assertThat(got).isEmpty();
    assertThat(events).containsExactly("closed");
    assertThat(hub.dropped()).isEqualTo(2);
    DatagramTransport again = hub.bind(b.localAddress());
    assertThat(again.isClosed()).isFalse();
  }
}
