package dev.squall.cli.peer;

import dev.squall.datachannel.DataChannel;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.RoomPeers;
import dev.squall.signal.client.SignalingClient;
import dev.squall.signal.message.PeerInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Joins a room for one file transfer: a {@link RoomPeers} mesh in which, as the newcomer, we open
 * the web app's {@code squall-chat} and {@code squall-file} channels, and otherwise accept the ones
 * a member opens. {@link #link()} completes with the first {@code squall-file} channel that opens;
 * {@link #lost()} completes when that member leaves or the channel closes.
 */
final class FileRoom implements AutoCloseable {

  /** An open file channel to one member. */
  record Link(String peerId, DataChannel channel) {}

  private final java.util.function.Consumer<Link> onLink;
  private final CompletableFuture<Link> link = new CompletableFuture<>();
  private final CompletableFuture<String> lost = new CompletableFuture<>();
  private volatile RoomPeers mesh;

  private FileRoom(java.util.function.Consumer<Link> onLink) {
    this.onLink = onLink;
  }

  /**
   * Joins; completes once joined.
   *
   * @param onLink runs on the channel's callback thread when the first file channel opens, before
   *     any of its messages: attach message listeners there
   */
  static CompletableFuture<FileRoom> join(
      PeerRuntime runtime,
      SignalingClient client,
      String room,
      String name,
      String token,
      java.util.function.Consumer<Link> onLink) {
    FileRoom r = new FileRoom(onLink);
    RoomPeers.Handler handler =
        new RoomPeers.Handler() {
          @Override
          public void onConnection(PeerInfo peer, PeerConnection pc, boolean offerer) {
            pc.onDataChannel(ch -> r.offer(peer.id(), ch));
            if (offerer) {
              pc.createDataChannel(ChannelEcho.CHAT);
              r.offer(peer.id(), pc.createDataChannel(FileWire.CHANNEL));
            }
          }

          @Override
          public void onPeerLeft(String peerId) {
            if (r.link.isDone() && r.link.join().peerId().equals(peerId)) {
              r.lost.complete("the peer left the room");
            }
          }
        };
    return RoomPeers.join(
            client, room, name, token, servers -> runtime.newConnection(servers), handler)
        .thenApply(
            m -> {
              r.mesh = m;
              return r;
            });
  }

  private void offer(String peerId, DataChannel ch) {
    if (!FileWire.CHANNEL.equals(ch.label())) {
      return;
    }
    ch.onOpen(
        () -> {
          Link l = new Link(peerId, ch);
          if (!link.isDone()) {
            onLink.accept(l);
            ch.onClose(() -> lost.complete("the channel closed"));
            link.complete(l);
          }
        });
  }

  CompletableFuture<Link> link() {
    return link;
  }

  /**
   * How the connection to {@code peerId} travels, from its selected candidate pair: e.g. {@code
   * "relay -> relay (udp)"}, or {@code "unknown"} when there is no such connection or pair yet.
   */
  String path(String peerId) {
    PeerConnection pc = mesh == null ? null : mesh.connections().get(peerId);
    if (pc == null) {
      return "unknown";
    }
    try {
      return pc.getStats()
          .get(5, TimeUnit.SECONDS)
          .selectedCandidatePair()
          .map(
              p ->
                  p.local().candidateType().token()
                      + " -> "
                      + p.remote().candidateType().token()
                      + " ("
                      + p.local().protocol()
                      + ")")
          .orElse("unknown");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    } catch (ExecutionException | TimeoutException e) {
      return "unknown";
    }
  }

  CompletableFuture<String> lost() {
    return lost;
  }

  @Override
  public void close() {
    if (mesh != null) {
      mesh.close();
    }
  }
}
