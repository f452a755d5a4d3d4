package dev.squall.interop;

import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.SignalingPeer;
import dev.squall.peer.UdpPeerConnections;
import dev.squall.signal.client.SignalingClient;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Squall Java peer of an interop test: a {@link PeerConnection} on one local address, its
 * {@link JavaChannels} and a signaling client connected to the test's server. {@link #close()}
 * stops all of it.
 */
public final class JavaPeer implements AutoCloseable {

  private final EventLoopGroup group;
  private final SignalingClient client;
  private final PeerConnection pc;
  private final JavaChannels channels;

  private JavaPeer(EventLoopGroup group, SignalingClient client, PeerConnection pc) {
    this.group = group;
    this.client = client;
    this.pc = pc;
    this.channels = new JavaChannels(pc);
  }

  public static JavaPeer start(URI ws, InetAddress address) throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    PeerConnection pc = null;
    try {
      pc =
          UdpPeerConnections.create(group.next(), PeerConfiguration.defaults(), List.of(address))
              .get(10, TimeUnit.SECONDS);
      SignalingClient client = SignalingClient.connect(ws).get(10, TimeUnit.SECONDS);
      return new JavaPeer(group, client, pc);
    } catch (Exception | Error e) {
      if (pc != null) {
        pc.close();
      }
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      throw e;
    }
  }

  /** Joins {@code room} and negotiates with the member there (offering when one is there). */
  public SignalingPeer join(String room) throws Exception {
    return SignalingPeer.join(client, room, "java", null, pc).get(10, TimeUnit.SECONDS);
  }

  public PeerConnection connection() {
    return pc;
  }

  public JavaChannels channels() {
    return channels;
  }

  @Override
  public void close() {
    pc.close();
    client.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
