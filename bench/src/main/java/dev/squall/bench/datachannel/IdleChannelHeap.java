package dev.squall.bench.datachannel;

import dev.squall.bench.ProcStats;
import dev.squall.datachannel.DataChannel;
import dev.squall.dtls.DtlsCertificate;
import dev.squall.peer.CompleteDescriptions;
import dev.squall.peer.Description;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.UdpPeerConnections;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heap per idle Squall {@link PeerConnection} with one open DataChannel, in its own JVM: one pair
 * is connected and closed to load the classes, then the heap after a full GC is read ({@code jcmd
 * GC.run}, twice, then {@code GC.heap_info}, as the signaling benchmark does); {@code --pairs}
 * pairs are connected over UDP on 127.0.0.1 (two NIO event loops, one certificate per side reused
 * as an application would) and each opens one channel; after {@code --idle-s} seconds idle the heap
 * is read again. Prints one {@link ResultLine}: the difference divided by 2 × pairs, and the thread
 * count (each connection has a DataChannel callback thread). Bounded by {@code --timeout-s}.
 */
public final class IdleChannelHeap {

  private IdleChannelHeap() {}

  public static void main(String[] args) throws Exception {
    Flags flags = new Flags(args, List.of("pairs", "idle-s", "timeout-s"));
    int pairs = flags.integer("pairs", 200);
    long deadline = System.nanoTime() + flags.integer("timeout-s", 600) * 1_000_000_000L;
    long pid = ProcessHandle.current().pid();
    PeerConfiguration a = PeerConfiguration.defaults().withCertificate(DtlsCertificate.generate());
    PeerConfiguration b = PeerConfiguration.defaults().withCertificate(DtlsCertificate.generate());
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    List<PeerConnection> open = new ArrayList<>();
    try {
      for (PeerConnection pc : connectPair(group, a, b)) {
        pc.close();
      }
      long before = ProcStats.heapUsedAfterGc(pid);
      int threadsBefore = Thread.activeCount();
      for (int i = 0; i < pairs; i++) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("time bound reached after " + i + " pairs");
        }
        open.addAll(connectPair(group, a, b));
      }
      Thread.sleep(flags.integer("idle-s", 3) * 1000L);
      long after = ProcStats.heapUsedAfterGc(pid);
      System.out.println(
          ResultLine.format(
              "pairs",
              pairs,
              "heap_before",
              before,
              "heap_after",
              after,
              "bytes_per_connection",
              (after - before) / (2L * pairs),
              "threads_per_connection",
              String.format("%.2f", (Thread.activeCount() - threadsBefore) / (2.0 * pairs)),
              "rss",
              ProcStats.rssBytes(pid)));
    } finally {
      open.forEach(PeerConnection::close);
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  /** Connects one pair (non-trickle, in-process) and waits until its channel is open both ways. */
  private static List<PeerConnection> connectPair(
      EventLoopGroup group, PeerConfiguration a, PeerConfiguration b) throws Exception {
    List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
    PeerConnection alice =
        UdpPeerConnections.create(group.next(), a, loopback).get(10, TimeUnit.SECONDS);
    PeerConnection bob =
        UdpPeerConnections.create(group.next(), b, loopback).get(10, TimeUnit.SECONDS);
    CompletableFuture<Void> aliceOpen = new CompletableFuture<>();
    CompletableFuture<DataChannel> bobChannel = new CompletableFuture<>();
    bob.onDataChannel(bobChannel::complete);
    DataChannel channel = alice.createDataChannel("idle");
    channel.onOpen(() -> aliceOpen.complete(null));
    String offer = CompleteDescriptions.setLocalAndGather(alice, alice.createOffer().get()).get();
    bob.setRemoteDescription(Description.offer(offer)).get();
    String answer = CompleteDescriptions.setLocalAndGather(bob, bob.createAnswer().get()).get();
    alice.setRemoteDescription(Description.answer(answer)).get();
    CompletableFuture.allOf(aliceOpen, bobChannel).get(30, TimeUnit.SECONDS);
    return List.of(alice, bob);
  }
}
