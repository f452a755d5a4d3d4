package dev.squall.peer;

import dev.squall.dtls.DtlsCertificate;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Connection set-up time, Java ↔ Java over real UDP on 127.0.0.1: from {@code createOffer} until
 * both connections are CONNECTED (ICE selected and DTLS handshake done), through in-process
 * signalling. Certificates are made once beforehand (as an application would reuse them), so the
 * figure is ICE plus DTLS. Prints median, p99, min and max over {@code N} connections after a
 * warm-up. Usage: {@code ConnectTimeBenchmarkMain [connections=100] [warmup=20]}.
 */
public final class ConnectTimeBenchmarkMain {

  private ConnectTimeBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
    PeerConfiguration a = PeerConfiguration.defaults().withCertificate(DtlsCertificate.generate());
    PeerConfiguration b = PeerConfiguration.defaults().withCertificate(DtlsCertificate.generate());
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    long[] micros = new long[n];
    try {
      for (int i = -warmup; i < n; i++) {
        PeerConnection alice =
            UdpPeerConnections.create(group.next(), a, loopback).get(10, TimeUnit.SECONDS);
        PeerConnection bob =
            UdpPeerConnections.create(group.next(), b, loopback).get(10, TimeUnit.SECONDS);
        try {
          long start = System.nanoTime();
          CompletableFuture<Void> up = LoopbackSignalling.connect(alice, bob);
          up.get(20, TimeUnit.SECONDS);
          if (i >= 0) {
            micros[i] = (System.nanoTime() - start) / 1_000;
          }
        } finally {
          alice.close();
          bob.close();
        }
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
    Arrays.sort(micros);
    System.out.printf(
        "createOffer -> both connected (ICE + DTLS), loopback UDP, %d connections:%n"
            + "  median %.1f ms  p99 %.1f ms  min %.1f ms  max %.1f ms%n",
        n,
        micros[n / 2] / 1000.0,
        micros[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1000.0,
        micros[0] / 1000.0,
        micros[n - 1] / 1000.0);
  }
}
