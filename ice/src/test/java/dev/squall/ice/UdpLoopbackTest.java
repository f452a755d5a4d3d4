package dev.squall.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.squall.net.UdpTransport;
import dev.squall.util.Scheduler;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Java ↔ Java over real UDP sockets on 127.0.0.1, each agent on its transport's event loop. */
class UdpLoopbackTest {

  private EventLoopGroup group;
  private UdpTransport ta;
  private UdpTransport tb;

  @BeforeEach
  void setUp() throws Exception {
    group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    ta = UdpTransport.bind(group, new InetSocketAddress("127.0.0.1", 0)).get(5, TimeUnit.SECONDS);
    tb = UdpTransport.bind(group, new InetSocketAddress("127.0.0.1", 0)).get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() {
    ta.close();
    tb.close();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static <T> T on(Scheduler scheduler, java.util.function.Supplier<T> task)
      throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    scheduler.execute(
        () -> {
          try {
            f.complete(task.get());
          } catch (RuntimeException e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(5, TimeUnit.SECONDS);
  }

  @Test
  void connectsAndCarriesDataBothWays() throws Exception {
    Scheduler sa = ta.scheduler();
    Scheduler sb = tb.scheduler();
    Queue<byte[]> atA = new ConcurrentLinkedQueue<>();
    Queue<byte[]> atB = new ConcurrentLinkedQueue<>();
    IceAgent a =
        on(sa, () -> new IceAgent(sa, IceConfig.defaults(), IceRole.CONTROLLING, List.of(ta)));
    IceAgent b =
        on(sb, () -> new IceAgent(sb, IceConfig.defaults(), IceRole.CONTROLLED, List.of(tb)));
    IceCredentials ca = on(sa, a::localCredentials);
    IceCredentials cb = on(sb, b::localCredentials);
    // signalling: each side's candidates are handed to the other on its own event loop
    on(
        sa,
        () -> {
          a.onData(atA::add);
          a.onLocalCandidate(c -> sb.execute(() -> b.addRemoteCandidate(c)));
          a.onGatheringComplete(() -> sb.execute(b::endOfRemoteCandidates));
          a.setRemoteCredentials(cb);
          return null;
        });
    on(
        sb,
        () -> {
          b.onData(atB::add);
          b.onLocalCandidate(c -> sa.execute(() -> a.addRemoteCandidate(c)));
          b.onGatheringComplete(() -> sa.execute(a::endOfRemoteCandidates));
          b.setRemoteCredentials(ca);
          b.startGathering();
          return null;
        });
    on(
        sa,
        () -> {
          a.startGathering();
          return null;
        });

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                on(sa, a::state) == IceConnectionState.COMPLETED
                    && on(sb, b::state) == IceConnectionState.COMPLETED);
    IceCandidatePair pair = on(sa, () -> a.selectedPair().orElseThrow());
    assertThat(pair.remoteAddress()).isEqualTo(tb.localAddress());
    assertThat(pair.localAddress()).isEqualTo(ta.localAddress());

    on(sa, () -> a.send(Datagrams.numbered(1, 500)));
    on(sb, () -> b.send(Datagrams.numbered(2, 600)));
    await().atMost(Duration.ofSeconds(5)).until(() -> atA.size() == 1 && atB.size() == 1);
    assertThat(Datagrams.sequenceOf(atB.peek())).isEqualTo(1);
    assertThat(atA.peek()).hasSize(600);
    on(
        sa,
        () -> {
          a.close();
          return null;
        });
    on(
        sb,
        () -> {
          b.close();
          return null;
        });
    assertThat(on(sa, a::state)).isEqualTo(IceConnectionState.CLOSED);
  }
}
