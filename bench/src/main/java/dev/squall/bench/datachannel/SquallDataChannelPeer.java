package dev.squall.bench.datachannel;

import dev.squall.bench.LatencyHistogram;
import dev.squall.bench.ProcStats;
import dev.squall.datachannel.DataChannel;
import dev.squall.dtls.DtlsCertificate;
import dev.squall.net.DatagramTransport;
import dev.squall.net.EventLoopScheduler;
import dev.squall.net.EventLoops;
import dev.squall.net.UdpOptions;
import dev.squall.net.UdpTransport;
import dev.squall.peer.CompleteDescriptions;
import dev.squall.peer.Description;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.UdpPeerConnections;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One side of a Squall ↔ Squall DataChannel benchmark, run as its own JVM (the other side is a
 * second JVM): one {@link PeerConnection} on one Netty NIO event loop over UDP on 127.0.0.1, the
 * sender the offerer, descriptions exchanged through {@link FileSignaling} files (non-trickle).
 * Optionally the UDP transport is wrapped in a {@link LinkEmulator} ({@code --rtt-ms}, {@code
 * --loss}): each side delays its outgoing datagrams by RTT/2.
 *
 * <ul>
 *   <li>{@code --mode bulk}: the sender sends {@code --count} messages of {@code --size} bytes as
 *       fast as flow control allows: it fills the channel up to {@code --high} buffered bytes and
 *       refills on {@code onBufferedAmountLow} at {@code --low}. The receiver counts bytes. With
 *       {@code --max-seconds} the sender stops after that long and sends "end" (the receiver then
 *       reports what it got), so a slow link still ends in time.
 *   <li>{@code --mode latency}: the sender offers {@code --rate} messages per second, paced every
 *       millisecond, each carrying its sequence number and send time ({@link System#nanoTime}: the
 *       same CLOCK_MONOTONIC in both processes); the receiver records receive − send time after the
 *       first {@code --warmup} messages. Sends are skipped (and counted) while more than {@code
 *       --high} bytes are buffered.
 * </ul>
 *
 * <p>The receiver answers with a text "done" when it has everything. Each side prints one {@link
 * ResultLine} with its CPU time over its part of the transfer (from {@code /proc/self}). The whole
 * process is bounded by {@code --timeout-s}.
 */
public final class SquallDataChannelPeer {

  static final List<String> OPTIONS =
      List.of(
          "role",
          "dir",
          "mode",
          "size",
          "count",
          "low",
          "high",
          "rate",
          "warmup",
          "rtt-ms",
          "loss",
          "seed",
          "timeout-s",
          "max-seconds",
          "io",
          "gso",
          "gro");

  private final Flags flags;
  private final boolean sender;
  private final int size;
  private final long count;
  private final long total;
  private final long pid = ProcessHandle.current().pid();
  private final CompletableFuture<String> result = new CompletableFuture<>();
  private volatile BulkSender bulkSender;

  private SquallDataChannelPeer(Flags flags) {
    this.flags = flags;
    this.sender = flags.text("role", "").equals("send");
    this.size = (int) flags.size("size", 65536);
    this.count = flags.size("count", 16384);
    this.total = size * count;
  }

  public static void main(String[] args) throws Exception {
    Flags flags = new Flags(args, OPTIONS);
    long timeoutSeconds = flags.integer("timeout-s", 600);
    Thread watchdog =
        new Thread(
            () -> {
              try {
                Thread.sleep(timeoutSeconds * 1000);
                System.out.println("TIMEOUT after " + timeoutSeconds + " s");
                Runtime.getRuntime().halt(3);
              } catch (InterruptedException e) {
                // done in time
              }
            },
            "watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    int status = new SquallDataChannelPeer(flags).run();
    System.out.flush();
    stopFlightRecordings();
    Runtime.getRuntime().halt(status);
  }

  /**
   * Stops the flight recordings started with {@code -XX:StartFlightRecording}, which writes them to
   * their files: {@link Runtime#halt} skips the JVM's own dump on exit.
   */
  private static void stopFlightRecordings() {
    if (jdk.jfr.FlightRecorder.isInitialized()) {
      for (jdk.jfr.Recording r : jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings()) {
        if (r.getDestination() != null) {
          r.stop();
        }
      }
    }
  }

  private int run() throws Exception {
    // epoll where available, as UdpPeerConnections users get it from EventLoops; --io nio for NIO
    EventLoopGroup group =
        flags.text("io", "auto").equals("nio")
            ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory())
            : EventLoops.newGroup(1);
    EventLoop loop = group.next();
    try {
      // the socket options UdpPeerConnections uses; --gso / --gro false turn the offloads off
      UdpOptions base = UdpPeerConnections.udpOptions();
      UdpOptions options =
          base.withOffloads(
              Boolean.parseBoolean(flags.text("gso", Boolean.toString(base.segmentationOffload()))),
              Boolean.parseBoolean(flags.text("gro", Boolean.toString(base.receiveOffload()))));
      UdpTransport socket =
          UdpTransport.bind(
                  loop, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), options)
              .get(10, TimeUnit.SECONDS);
      System.out.printf(
          "udp: epoll=%s gso=%s gro=%s%n",
          socket.isEpoll(), socket.segmentationOffload(), socket.receiveOffload());
      DatagramTransport udp = socket;
      int rttMillis = flags.integer("rtt-ms", 0);
      double loss = flags.decimal("loss", 0);
      LinkEmulator link = null;
      if (rttMillis > 0 || loss > 0) {
        long seed = flags.size("seed", 1) + (sender ? 0 : 1);
        link =
            new LinkEmulator(udp, Duration.ofMillis(rttMillis).dividedBy(2), loss, seed, 64L << 20);
        udp = link;
      }
      PeerConfiguration config =
          PeerConfiguration.defaults().withCertificate(DtlsCertificate.generate());
      PeerConnection pc = new PeerConnection(new EventLoopScheduler(loop), config, List.of(udp));
      FileSignaling signaling = new FileSignaling(Path.of(flags.text("dir", ".")));
      try {
        if (sender) {
          DataChannel channel = pc.createDataChannel("bench");
          channel.onOpen(() -> startSending(channel));
          String offer = CompleteDescriptions.setLocalAndGather(pc, pc.createOffer().get()).get();
          signaling.write("offer.sdp", offer);
          pc.setRemoteDescription(Description.answer(signaling.await("answer.sdp", 60_000))).get();
        } else {
          pc.onDataChannel(this::receive);
          pc.setRemoteDescription(Description.offer(signaling.await("offer.sdp", 60_000))).get();
          String answer = CompleteDescriptions.setLocalAndGather(pc, pc.createAnswer().get()).get();
          signaling.write("answer.sdp", answer);
        }
        pc.connected().get(30, TimeUnit.SECONDS);
        String line = result.get();
        if (link != null) {
          LinkEmulator l = link;
          line +=
              loop.submit(
                      () ->
                          " link_sent="
                              + l.sent()
                              + " link_lost="
                              + l.lost()
                              + " link_overflow="
                              + l.overflowed())
                  .get(5, TimeUnit.SECONDS);
        }
        System.out.println(line);
        System.out.println(
            "THREADS "
                + ProcStats.topThreads(java.util.Map.of(), ProcStats.threadCpuNanos(pid), 6));
        return 0;
      } finally {
        pc.close();
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    }
  }

  // ---- sender ----

  private void startSending(DataChannel channel) {
    long cpuStart = ProcStats.cpuNanos(pid);
    long[] splitStart = ProcStats.cpuUserSystemNanos(pid);
    long firstSend = System.nanoTime();
    // replaced by the final line; kept if "done" never arrives, for the first-send time
    System.out.println(ResultLine.format("role", "send-start", "first_send", firstSend));
    AtomicLong skipped = new AtomicLong();
    AtomicLong sentCount = new AtomicLong();
    channel.onMessage(
        m -> {
          if (m.text() && m.asText().equals("done")) {
            long end = System.nanoTime();
            long[] split = ProcStats.cpuUserSystemNanos(pid);
            result.complete(
                ResultLine.format(
                    "role",
                    "send",
                    "first_send",
                    firstSend,
                    "end",
                    end,
                    "cpu_nanos",
                    ProcStats.cpuNanos(pid) - cpuStart,
                    "cpu_user_nanos",
                    split[0] - splitStart[0],
                    "cpu_sys_nanos",
                    split[1] - splitStart[1],
                    "sent",
                    bulkSender != null ? bulkSender.sent() : sentCount.get(),
                    "skipped",
                    skipped.get()));
          }
        });
    if (flags.text("mode", "bulk").equals("latency")) {
      paceLatency(channel, firstSend, sentCount, skipped);
    } else {
      BulkSender bulk =
          new BulkSender(
              channel,
              new byte[size],
              count,
              flags.size("low", 1 << 20),
              flags.size("high", 4 << 20),
              (long) (flags.decimal("max-seconds", 0) * 1e9));
      bulkSender = bulk;
      bulk.start();
    }
  }

  private void paceLatency(
      DataChannel channel, long start, AtomicLong sentCount, AtomicLong skipped) {
    double rate = flags.decimal("rate", 10_000);
    long high = flags.size("high", 4 << 20);
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    byte[] message = new byte[Math.max(16, size)];
    pacer.scheduleAtFixedRate(
        () -> {
          long due = Math.min(count, (long) ((System.nanoTime() - start) / 1e9 * rate) + 1);
          while (sentCount.get() < due) {
            long seq = sentCount.getAndIncrement();
            if (seq < count - 1 && channel.bufferedAmount() > high) {
              skipped.incrementAndGet();
              continue;
            }
            ByteBuffer.wrap(message).putLong(seq).putLong(System.nanoTime());
            channel.send(message);
          }
          if (sentCount.get() >= count) {
            pacer.shutdown();
          }
        },
        0,
        1,
        TimeUnit.MILLISECONDS);
  }

  // ---- receiver ----

  private void receive(DataChannel channel) {
    boolean latency = flags.text("mode", "bulk").equals("latency");
    long warmup = flags.size("warmup", 0);
    LatencyHistogram histogram = new LatencyHistogram();
    long[] state = new long[4]; // bytes, messages, first receive, cpu at first receive
    long[][] splitStart = new long[1][]; // user and system cpu at first receive
    channel.onMessage(
        m -> {
          long now = System.nanoTime();
          if (m.text() && m.asText().equals("end")) {
            // the sender's time limit passed: everything sent before it has arrived
            finishReceiving(channel, now, state, splitStart[0], histogram, latency);
            return;
          }
          if (state[1]++ == 0) {
            state[2] = now;
            state[3] = ProcStats.cpuNanos(pid);
            splitStart[0] = ProcStats.cpuUserSystemNanos(pid);
          }
          state[0] += m.data().length;
          boolean last;
          if (latency) {
            ByteBuffer b = ByteBuffer.wrap(m.data());
            long seq = b.getLong();
            long sent = b.getLong();
            if (seq >= warmup) {
              histogram.record(now - sent);
            }
            last = seq == count - 1;
          } else {
            last = state[0] >= total;
          }
          if (last) {
            finishReceiving(channel, now, state, splitStart[0], histogram, latency);
          }
        });
  }

  private void finishReceiving(
      DataChannel channel,
      long now,
      long[] state,
      long[] splitStart,
      LatencyHistogram h,
      boolean latency) {
    long cpu = ProcStats.cpuNanos(pid) - state[3];
    long[] split = ProcStats.cpuUserSystemNanos(pid);
    long[] start = splitStart != null ? splitStart : split;
    channel.send("done");
    String line =
        ResultLine.format(
            "role",
            "recv",
            "bytes",
            state[0],
            "messages",
            state[1],
            "first_recv",
            state[2],
            "last_recv",
            now,
            "cpu_nanos",
            cpu,
            "cpu_user_nanos",
            split[0] - start[0],
            "cpu_sys_nanos",
            split[1] - start[1]);
    if (latency) {
      line +=
          String.format(
              " lat_count=%d lat_p50=%d lat_p99=%d lat_p999=%d lat_max=%d",
              h.count(), h.percentile(50), h.percentile(99), h.percentile(99.9), h.max());
    }
    // let "done" reach the sender before the connection closes (bounded)
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (channel.bufferedAmount() > 0 && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
    line += " done_acked=" + (channel.bufferedAmount() == 0);
    result.complete(line);
  }
}
