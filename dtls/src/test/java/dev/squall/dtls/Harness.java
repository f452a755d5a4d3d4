package dev.squall.dtls;

import dev.squall.net.ConnectedTransport;
import dev.squall.net.DatagramTransport;
import dev.squall.net.EventLoopScheduler;
import dev.squall.net.MemoryHub;
import dev.squall.util.Scheduler;
import io.netty.channel.DefaultEventLoop;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A DTLS client and server on a {@link MemoryHub} driven by one real Netty event loop, with a
 * receive-side drop filter and a log of every datagram (time, direction, bytes, dropped or not).
 */
final class Harness implements AutoCloseable {

  enum Direction {
    TO_SERVER,
    TO_CLIENT
  }

  /** Decides whether the {@code index}-th datagram (from 1) in {@code direction} is lost. */
  @FunctionalInterface
  interface DropFilter {
    boolean drop(Direction direction, int index, byte[] datagram);
  }

  record Seen(Direction direction, long nanos, byte[] datagram, boolean dropped) {}

  /** What one side's listener received. */
  static final class Events implements DtlsListener {
    final BlockingQueue<byte[]> data = new LinkedBlockingQueue<>();
    final CompletableFuture<DtlsCloseReason> closed = new CompletableFuture<>();
    volatile DtlsException error;
    volatile boolean onLoop = true;
    private final Scheduler scheduler;

    Events(Scheduler scheduler) {
      this.scheduler = scheduler;
    }

    @Override
    public void onData(byte[] bytes) {
      onLoop &= scheduler.inScheduler();
      data.add(bytes);
    }

    @Override
    public void onClose(DtlsCloseReason reason, DtlsException e) {
      onLoop &= scheduler.inScheduler();
      error = e;
      closed.complete(reason);
    }
  }

  static final DtlsCertificate CLIENT_CERT = DtlsCertificate.generate();
  static final DtlsCertificate SERVER_CERT = DtlsCertificate.generate();

  final DefaultEventLoop loop = new DefaultEventLoop();
  final Scheduler scheduler = new EventLoopScheduler(loop);
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  final DtlsTransport client;
  final DtlsTransport server;
  final Events clientEvents = new Events(scheduler);
  final Events serverEvents = new Events(scheduler);

  Harness(DtlsConfig clientConfig, DtlsConfig serverConfig, DropFilter filter) {
    this(clientConfig, serverConfig, SERVER_CERT.fingerprint(), CLIENT_CERT.fingerprint(), filter);
  }

  Harness(
      DtlsConfig clientConfig,
      DtlsConfig serverConfig,
      Fingerprint clientExpects,
      Fingerprint serverExpects,
      DropFilter filter) {
    DtlsTransport[] both =
        onLoop(
            () -> {
              DatagramTransport[] pair = MemoryHub.pair(scheduler);
              ConnectedTransport toServer = new ConnectedTransport(pair[0], pair[1].localAddress());
              ConnectedTransport toClient = new ConnectedTransport(pair[1], pair[0].localAddress());
              DtlsTransport c =
                  DtlsTransport.create(
                      toServer, DtlsRole.CLIENT, CLIENT_CERT, clientExpects, clientConfig);
              DtlsTransport s =
                  DtlsTransport.create(
                      toClient, DtlsRole.SERVER, SERVER_CERT, serverExpects, serverConfig);
              int[] counts = new int[2];
              pair[0].onReceive(
                  (from, d) -> deliver(Direction.TO_CLIENT, ++counts[1], d, c, filter));
              pair[1].onReceive(
                  (from, d) -> deliver(Direction.TO_SERVER, ++counts[0], d, s, filter));
              return new DtlsTransport[] {c, s};
            });
    client = both[0].listener(clientEvents);
    server = both[1].listener(serverEvents);
  }

  private void deliver(
      Direction direction, int index, byte[] datagram, DtlsTransport to, DropFilter filter) {
    boolean drop = filter.drop(direction, index, datagram);
    seen.add(new Seen(direction, System.nanoTime(), datagram, drop));
    if (!drop) {
      to.receive(datagram);
    }
  }

  /** Starts both and waits for both handshakes. */
  Harness connect(long timeoutSeconds) throws Exception {
    CompletableFuture<DtlsHandshakeResult> s = server.start();
    CompletableFuture<DtlsHandshakeResult> c = client.start();
    c.get(timeoutSeconds, TimeUnit.SECONDS);
    s.get(timeoutSeconds, TimeUnit.SECONDS);
    return this;
  }

  List<Seen> seen(Direction direction, java.util.function.Predicate<byte[]> which) {
    return seen.stream()
        .filter(x -> x.direction() == direction && which.test(x.datagram()))
        .toList();
  }

  <T> T onLoop(Callable<T> task) {
    try {
      return loop.submit(task).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.close();
    loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
