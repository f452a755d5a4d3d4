package dev.squall.cli.peer;

import dev.squall.peer.PeerConnection;
import dev.squall.peer.RoomPeers;
import dev.squall.signal.client.SignalingClient;
import dev.squall.signal.message.PeerInfo;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;

/**
 * An echo peer in a room: one connection per member (a {@link RoomPeers} mesh), each channel echoed
 * by a {@link ChannelEcho}. As the newcomer it opens the web app's two channels.
 */
final class RoomEcho implements AutoCloseable {

  private final RoomPeers mesh;

  private RoomEcho(RoomPeers mesh) {
    this.mesh = mesh;
  }

  /** Joins and starts echoing; completes once joined. */
  static CompletableFuture<RoomEcho> start(
      PeerRuntime runtime,
      SignalingClient client,
      String room,
      String name,
      String token,
      PrintWriter log) {
    ChannelEcho echo = new ChannelEcho(name, System::currentTimeMillis);
    RoomPeers.Handler handler =
        new RoomPeers.Handler() {
          @Override
          public void onConnection(PeerInfo peer, PeerConnection pc, boolean offerer) {
            log.println("peer " + peer.id() + " (" + peer.name() + ")");
            pc.onDataChannel(echo::attach);
            if (offerer) {
              echo.attach(pc.createDataChannel(ChannelEcho.CHAT));
              echo.attach(pc.createDataChannel(FileWire.CHANNEL));
            }
          }

          @Override
          public void onPeerLeft(String peerId) {
            log.println("peer " + peerId + " left");
          }
        };
    return RoomPeers.join(
            client, room, name, token, servers -> runtime.newConnection(servers), handler)
        .thenApply(RoomEcho::new);
  }

  /** How many connections the mesh holds. */
  int connections() {
    return mesh.connections().size();
  }

  @Override
  public void close() {
    mesh.close();
  }
}
