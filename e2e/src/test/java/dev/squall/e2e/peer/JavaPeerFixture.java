package dev.squall.e2e.peer;

import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.UdpPeerConnections;
import dev.squall.server.ServerConfig;
import dev.squall.server.SquallServer;
import dev.squall.signal.client.SignalingClient;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What each Chromium interop test starts with: a Squall server on a free loopback port (no STUN), a
 * Java {@link PeerConnection} on 127.0.0.1 and a signaling client connected to the server. {@link
 * #close()} stops all of it.
 */
final class JavaPeerFixture implements AutoCloseable {

  final URI ws;
  final URI page;
  final SignalingClient client;
  final PeerConnection pc;
  private final SquallServer server;
  private final EventLoopGroup group;

  private JavaPeerFixture(
      SquallServer server,
      URI ws,
      URI page,
      EventLoopGroup group,
      SignalingClient client,
      PeerConnection pc) {
    this.server = server;
    this.ws = ws;
    this.page = page;
    this.group = group;
    this.client = client;
    this.pc = pc;
  }

  static JavaPeerFixture start() throws Exception {
    SquallServer server =
        new SquallServer(ServerConfig.builder().host("127.0.0.1").httpPort(0).stunPort(-1).build());
    EventLoopGroup group = null;
    PeerConnection pc = null;
    try {
      int port = server.start().http();
      group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
      pc =
          UdpPeerConnections.create(
                  group.next(),
                  PeerConfiguration.defaults(),
                  List.of(InetAddress.getLoopbackAddress()))
              .get(10, TimeUnit.SECONDS);
      URI ws = URI.create("ws://127.0.0.1:" + port + "/ws");
      SignalingClient client = SignalingClient.connect(ws).get(10, TimeUnit.SECONDS);
      return new JavaPeerFixture(
          server, ws, URI.create("http://127.0.0.1:" + port + "/"), group, client, pc);
    } catch (Exception | Error e) {
      if (pc != null) {
        pc.close();
      }
      if (group != null) {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      }
      server.stop(Duration.ofSeconds(5));
      throw e;
    }
  }

  @Override
  public void close() {
    pc.close();
    client.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    server.stop(Duration.ofSeconds(5));
  }
}
