package dev.squall.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.util.VirtualScheduler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectedTransportTest {

  @Test
  void passesOnlyTheRemotesDatagramsAndSendsToIt() throws Exception {
    VirtualScheduler scheduler = new VirtualScheduler();
    MemoryHub hub = new MemoryHub(scheduler);
    InetAddress ip = InetAddress.getByName("10.0.0.1");
    DatagramTransport local = hub.bind(new InetSocketAddress(ip, 1000));
    DatagramTransport peer = hub.bind(new InetSocketAddress(ip, 2000));
    DatagramTransport stranger = hub.bind(new InetSocketAddress(ip, 3000));
    ConnectedTransport connected = ConnectedTransport.attach(local, peer.localAddress());
    List<Byte> got = new ArrayList<>();
    connected.onReceive(data -> got.add(data[0]));
    List<Byte> atPeer = new ArrayList<>();
    peer.onReceive((from, data) -> atPeer.add(data[0]));

    peer.send(local.localAddress(), new byte[] {1});
    stranger.send(local.localAddress(), new byte[] {2});
    connected.send(new byte[] {3});
    scheduler.runUntilIdle();
    assertThat(got).containsExactly((byte) 1);
    assertThat(atPeer).containsExactly((byte) 3);
    assertThat(connected.droppedForeign()).isEqualTo(1);

    List<Integer> others = new ArrayList<>();
    connected.onOtherSource((from, data) -> others.add(from.getPort()));
    stranger.send(local.localAddress(), new byte[] {4});
    scheduler.runUntilIdle();
    assertThat(others).containsExactly(3000);
    assertThat(connected.remoteAddress()).isEqualTo(peer.localAddress());
    assertThat(connected.localAddress()).isEqualTo(local.localAddress());
  }
}
