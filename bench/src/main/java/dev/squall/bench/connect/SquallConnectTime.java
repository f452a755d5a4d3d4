package dev.squall.bench.connect;

import dev.squall.bench.Machine;
import dev.squall.dtls.DtlsCertificate;
import dev.squall.ice.IceConnectionState;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.UdpPeerConnections;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Connection set-up time of the Java peer, Java ↔ Java over real UDP on 127.0.0.1: from {@code
 * createOffer} until both connections are CONNECTED (ICE selected and DTLS handshake done), with
 * offer/answer and trickled candidates passed in-process. The offerer creates a DataChannel, as the
 * libwebrtc anchor ({@link LibWebRtcConnectTime}) does. Certificates are made once beforehand (as
 * an application would reuse them), so the figure is signalling, ICE and DTLS. Prints median, p99,
 * min and max over {@code N} connections after a warm-up; each pair is closed before the next.
 *
 * <p>Usage: {@code SquallConnectTime [connections=100] [warmup=20]}.
 */
public final class SquallConnectTime {

  static final String BOTH_CONNECTED = "createOffer -> both CONNECTED (ICE + DTLS)";

  private SquallConnectTime() {}

  public static void main(String[] args) throws Exception {
    int[] parsed = ConnectTimes.parseArgs(args);
    int n = parsed[0];
    int warmup = parsed[1];
    System.out.println(Machine.describe());
    double loadBefore = Machine.loadAverage();
    List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
    PeerConfiguration a = PeerConfiguration.defaults().withCertificate(DtlsCertificate.generate());
    PeerConfiguration b = PeerConfiguration.defaults().withCertificate(DtlsCertificate.generate());
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    ConnectTimes times = new ConnectTimes("squall", BOTH_CONNECTED, n);
    ConnectTimes ice =
        new ConnectTimes("squall-ice", "createOffer -> both ICE CONNECTED (part of the above)", n);
    long deadline = System.nanoTime() + ConnectTimes.RUN_TIMEOUT_NANOS;
    try {
      for (int i = -warmup; i < n; i++) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("run exceeded its time bound at connection " + i);
        }
        PeerConnection alice =
            UdpPeerConnections.create(group.next(), a, loopback).get(10, TimeUnit.SECONDS);
        PeerConnection bob =
            UdpPeerConnections.create(group.next(), b, loopback).get(10, TimeUnit.SECONDS);
        try {
          alice.createDataChannel("bench");
          CompletableFuture<Long> aliceIce = iceConnectedAt(alice);
          CompletableFuture<Long> bobIce = iceConnectedAt(bob);
          long start = System.nanoTime();
          connect(alice, bob).get(ConnectTimes.CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
          long elapsed = System.nanoTime() - start;
          if (i >= 0) {
            times.record(elapsed);
            ice.record(Math.max(aliceIce.getNow(start), bobIce.getNow(start)) - start);
          }
        } finally {
          alice.close();
          bob.close();
        }
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
    times.print(loadBefore);
    // the breakdown: the rest of the interval is the DTLS handshake after ICE selected a pair
    ice.print(loadBefore);
  }

  private static CompletableFuture<Long> iceConnectedAt(PeerConnection pc) {
    CompletableFuture<Long> at = new CompletableFuture<>();
    pc.onIceConnectionStateChange(
        s -> {
          if (s == IceConnectionState.CONNECTED || s == IceConnectionState.COMPLETED) {
            at.complete(System.nanoTime());
          }
        });
    return at;
  }

  /**
   * Offer/answer and trickle in-process, in the order a signalling channel keeps (each description
   * before the candidates that follow it); completes when both sides are connected.
   */
  static CompletableFuture<Void> connect(PeerConnection offerer, PeerConnection answerer) {
    CompletableFuture<Void> answered = new CompletableFuture<>();
    offerer.onIceCandidate(c -> answered.thenRun(() -> answerer.addIceCandidate(c)));
    answerer.onIceCandidate(c -> answered.thenRun(() -> offerer.addIceCandidate(c)));
    offerer
        .createOffer()
        .thenCompose(
            offer ->
                offerer
                    .setLocalDescription(offer)
                    .thenCompose(v -> answerer.setRemoteDescription(offer)))
        .thenCompose(v -> answerer.createAnswer())
        .thenCompose(
            answer ->
                offerer
                    .setRemoteDescription(answer)
                    .thenCompose(v -> answerer.setLocalDescription(answer)))
        .whenComplete(
            (v, e) -> {
              if (e != null) {
                answered.completeExceptionally(e);
              } else {
                answered.complete(null);
              }
            });
    return CompletableFuture.allOf(answered, offerer.connected(), answerer.connected());
  }
}
