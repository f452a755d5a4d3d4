package dev.squall.bench.stun;

import dev.squall.bench.LatencyHistogram;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * A closed-loop STUN Binding load generator on one thread: {@code sockets} connected UDP sockets,
 * each keeping {@code window} requests outstanding. Every success response (matched by transaction
 * id) completes its slot and immediately sends the next request on it; a slot whose request is
 * unanswered after {@code timeout} counts a timeout and sends a fresh request. Only responses that
 * arrive inside the measurement period are counted and timed.
 */
public final class StunLoadGenerator {

  /** The load shape; the run lasts {@code warmup + measure} plus a short drain. */
  public record Config(
      InetSocketAddress target,
      int sockets,
      int window,
      Duration warmup,
      Duration measure,
      Duration timeout,
      long maxRequests) {
    public Config {
      if (sockets < 1 || sockets > 1024 || window < 1 || window > 4096) {
        throw new IllegalArgumentException("sockets 1..1024, window 1..4096");
      }
    }
  }

  /** What one run measured. Rates are per second of the measurement period. */
  public record Result(
      String label,
      long completed,
      double seconds,
      LatencyHistogram latency,
      long timeouts,
      long invalid,
      long late,
      double serverCpuSeconds,
      double clientCpuSeconds) {
    public double txPerSecond() {
      return completed / seconds;
    }

    /** Server CPU microseconds spent per completed transaction (NaN when unknown). */
    public double serverCpuMicrosPerTx() {
      return serverCpuSeconds < 0 ? Double.NaN : serverCpuSeconds * 1e6 / completed;
    }
  }

  private static final int VERIFY_FIRST = 32;

  private final Config config;
  private final int nonce = ThreadLocalRandom.current().nextInt();
  private final DatagramChannel[] channels;
  private final long[][] sentAt;
  private final int[][] sequence;
  private final boolean[][] pending;
  private final int[] verified;
  private final ByteBuffer out = ByteBuffer.allocateDirect(BindingWire.HEADER_LENGTH);
  private final ByteBuffer in = ByteBuffer.allocateDirect(2048);
  private final LatencyHistogram latency = new LatencyHistogram();
  private boolean measuring;
  private long completed;
  private long timeouts;
  private long invalid;
  private long late;
  private long requests;

  public StunLoadGenerator(Config config) {
    this.config = config;
    this.channels = new DatagramChannel[config.sockets()];
    this.sentAt = new long[config.sockets()][config.window()];
    this.sequence = new int[config.sockets()][config.window()];
    this.pending = new boolean[config.sockets()][config.window()];
    this.verified = new int[config.sockets()];
  }

  /**
   * Runs warm-up and measurement against the target. {@code serverCpuNanos} is read at the start
   * and end of the measurement (return -1 when unknown); {@code atStart} and {@code atEnd} run
   * there too (for extra probes such as per-thread CPU or kernel drop counters).
   */
  public Result run(String label, LongSupplier serverCpuNanos, Runnable atStart, Runnable atEnd)
      throws IOException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Selector selector = Selector.open()) {
      for (int s = 0; s < channels.length; s++) {
        DatagramChannel ch = DatagramChannel.open();
        channels[s] = ch;
        ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ch.connect(config.target());
        ch.configureBlocking(false);
        ch.register(selector, SelectionKey.OP_READ, s);
      }
      long start = System.nanoTime();
      long measureStart = start + config.warmup().toNanos();
      long measureEnd = measureStart + config.measure().toNanos();
      long timeoutNanos = config.timeout().toNanos();
      for (int s = 0; s < channels.length; s++) {
        for (int slot = 0; slot < config.window(); slot++) {
          send(s, slot, start);
        }
      }
      long serverCpu0 = -1;
      long clientCpu0 = 0;
      long nextScan = start;
      long now = start;
      while (now < measureEnd && requests < config.maxRequests()) {
        if (!measuring && now >= measureStart) {
          measuring = true;
          resetCounters();
          atStart.run();
          serverCpu0 = serverCpuNanos.getAsLong();
          clientCpu0 = threads.getCurrentThreadCpuTime();
          measureStart = now;
        }
        selector.select(1);
        now = System.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
          receiveAll((Integer) key.attachment(), now);
        }
        selector.selectedKeys().clear();
        if (now >= nextScan) {
          scan(now, timeoutNanos);
          nextScan = now + 2_000_000;
        }
      }
      double seconds = (now - measureStart) / 1e9;
      long serverCpu1 = serverCpuNanos.getAsLong();
      atEnd.run();
      double clientCpu = (threads.getCurrentThreadCpuTime() - clientCpu0) / 1e9;
      boolean cpuKnown = measuring && serverCpu0 >= 0 && serverCpu1 >= 0;
      measuring = false;
      drain(selector, Duration.ofMillis(200));
      return new Result(
          label,
          completed,
          seconds,
          latency,
          timeouts,
          invalid,
          late,
          cpuKnown ? (serverCpu1 - serverCpu0) / 1e9 : -1,
          clientCpu);
    } finally {
      for (DatagramChannel ch : channels) {
        if (ch != null) {
          ch.close();
        }
      }
    }
  }

  private void resetCounters() {
    completed = 0;
    timeouts = 0;
    invalid = 0;
    late = 0;
    latency.reset();
  }

  private void send(int s, int slot, long now) throws IOException {
    int seq = ++sequence[s][slot];
    BindingWire.writeRequest(out, nonce, s, slot, seq);
    requests++;
    if (channels[s].write(out) == 0) {
      pending[s][slot] = true; // socket buffer full: the next scan retries
      sentAt[s][slot] = 0;
      return;
    }
    pending[s][slot] = false;
    sentAt[s][slot] = now;
  }

  private void receiveAll(int s, long now) throws IOException {
    DatagramChannel ch = channels[s];
    for (int burst = 0; burst < 256; burst++) {
      in.clear();
      int n;
      try {
        n = ch.read(in);
      } catch (PortUnreachableException e) {
        invalid++;
        continue;
      }
      if (n <= 0) {
        return;
      }
      in.flip();
      if (!BindingWire.isOurSuccess(in, nonce) || BindingWire.socketOf(in) != s) {
        invalid++;
        continue;
      }
      int slot = BindingWire.slotOf(in);
      if (slot >= config.window()
          || BindingWire.sequenceOf(in) != sequence[s][slot]
          || sentAt[s][slot] == 0) {
        late++; // answer to a request that already timed out
        continue;
      }
      if (verified[s] < VERIFY_FIRST) {
        verified[s]++;
        InetSocketAddress mapped = BindingWire.xorMappedAddress(in);
        if (mapped == null || !mapped.equals(ch.getLocalAddress())) {
          invalid++;
        }
      }
      if (measuring) {
        completed++;
        latency.record(now - sentAt[s][slot]);
      }
      send(s, slot, now);
    }
  }

  private void scan(long now, long timeoutNanos) throws IOException {
    for (int s = 0; s < channels.length; s++) {
      for (int slot = 0; slot < config.window(); slot++) {
        if (pending[s][slot]) {
          send(s, slot, now);
        } else if (now - sentAt[s][slot] > timeoutNanos) {
          if (measuring) {
            timeouts++;
          }
          send(s, slot, now);
        }
      }
    }
  }

  private void drain(Selector selector, Duration time) throws IOException {
    long end = System.nanoTime() + time.toNanos();
    while (System.nanoTime() < end) {
      selector.select(10);
      for (SelectionKey key : selector.selectedKeys()) {
        DatagramChannel ch = channels[(Integer) key.attachment()];
        in.clear();
        while (ch.read(in) > 0) {
          in.clear();
        }
      }
      selector.selectedKeys().clear();
    }
  }
}
