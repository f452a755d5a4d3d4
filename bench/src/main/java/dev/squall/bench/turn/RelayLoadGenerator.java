package dev.squall.bench.turn;

import dev.squall.bench.LatencyHistogram;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * An open-loop, paced UDP load on one thread: it sends datagrams of {@code payload} bytes at a
 * fixed rate, round robin over the given connected sockets, whatever comes back; the echo peer
 * returns each one over the same path. Through a TURN server each socket is a client of an
 * allocation with {@link TurnSession#CHANNEL} bound to the echo peer and every datagram is a
 * ChannelData message, so one round trip is two relayed packets (client to peer, peer to client);
 * without a server ({@code channelData} false) the sockets talk to the echo peer directly, which
 * measures what the harness itself can move.
 *
 * <p>Rates are counted in relayed packets per second: the generator sends half of {@link
 * Config#relayedRate()} datagrams per second. Each datagram carries its send time; a round trip
 * counts when its datagram was sent inside the measurement period and came back before the drain
 * ends, and is lost otherwise. The sends are paced on a ~1 ms timer, so the load comes in small
 * bursts, the same for every server. When the generator cannot send at the asked rate (its thread
 * gets too little CPU), {@link Result#keptUp()} is false and the offered rate says what it did
 * send.
 */
final class RelayLoadGenerator {

  /** The load: {@code warmup} at the rate first, then {@code measure}, then {@code drain}. */
  record Config(
      double relayedRate,
      int payload,
      boolean channelData,
      Duration warmup,
      Duration measure,
      Duration drain) {
    Config {
      if (!(relayedRate >= 2) || payload < 24 || payload > 65000) {
        throw new IllegalArgumentException("rate >= 2 pkt/s, payload 24..65000 bytes");
      }
    }
  }

  /**
   * What one run measured; rates are per second of the measurement period. {@code sent} counts
   * every send the generator made in the period, also those the kernel refused for a full socket
   * buffer (lost, like any datagram a socket drops).
   */
  record Result(
      String label,
      double targetRate,
      long sent,
      long received,
      double seconds,
      LatencyHistogram latency,
      long invalid,
      int payload,
      double serverCpuSeconds,
      double clientCpuSeconds) {

    /** The relayed packets per second the generator offered (twice its send rate). */
    double offeredPacketsPerSecond() {
      return 2 * sent / seconds;
    }

    /** Packets relayed per second, counted by completed round trips (both directions). */
    double relayedPacketsPerSecond() {
      return 2 * received / seconds;
    }

    /** Application payload relayed per second (both directions), in MB (10^6 bytes). */
    double relayedMegabytesPerSecond() {
      return relayedPacketsPerSecond() * payload / 1e6;
    }

    /** Round trips that did not complete, as a share of those sent. */
    double lossRatio() {
      return sent == 0 ? 0 : (double) Math.max(0, sent - received) / sent;
    }

    /** True when the generator sent at least 97 % of the asked rate. */
    boolean keptUp() {
      return offeredPacketsPerSecond() >= 0.97 * targetRate;
    }

    /** Server CPU microseconds per relayed packet (NaN when unknown). */
    double serverCpuMicrosPerPacket() {
      return serverCpuSeconds < 0 || received == 0
          ? Double.NaN
          : serverCpuSeconds * 1e6 / (2.0 * received);
    }
  }

  /** Offsets in the payload: a run nonce, the socket index, the send time. */
  private static final int NONCE = 0;

  private static final int SOCKET = 4;
  private static final int STAMP = 8;

  /** Most datagrams sent at once before the generator reads again. */
  private static final int MAX_BURST = 512;

  /** Reads per readable socket before the generator looks at the others. */
  private static final int MAX_READS = 256;

  private final Config config;
  private final int header;
  private final int nonce = ThreadLocalRandom.current().nextInt();
  private final ByteBuffer in = ByteBuffer.allocateDirect(65536);

  RelayLoadGenerator(Config config) {
    this.config = config;
    this.header = config.channelData() ? 4 : 0;
  }

  /**
   * Runs the load over {@code sockets} (connected; switched to non-blocking for the run and back to
   * blocking after it). {@code serverCpuNanos} is read at the start and end of the measurement
   * period (-1 when unknown).
   */
  Result run(String label, List<DatagramChannel> sockets, LongSupplier serverCpuNanos)
      throws IOException {
    int n = sockets.size();
    DatagramChannel[] channels = sockets.toArray(new DatagramChannel[0]);
    ByteBuffer out = ByteBuffer.allocateDirect(header + config.payload());
    if (config.channelData()) {
      out.putShort(0, (short) TurnSession.CHANNEL).putShort(2, (short) config.payload());
    }
    out.putInt(header + NONCE, nonce);
    long interval = Math.max(1, Math.round(2e9 / config.relayedRate()));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    LatencyHistogram latency = new LatencyHistogram();
    long sent = 0;
    long received = 0;
    long invalid = 0;
    try (Selector selector = Selector.open()) {
      for (int s = 0; s < n; s++) {
        channels[s].configureBlocking(false);
        channels[s].register(selector, SelectionKey.OP_READ, s);
      }
      long start = System.nanoTime();
      long measureStart = start + config.warmup().toNanos();
      long measureEnd = measureStart + config.measure().toNanos();
      long end = measureEnd + config.drain().toNanos();
      long serverCpu0 = -1;
      long serverCpu1 = -1;
      long clientCpu0 = 0;
      long clientCpu1 = 0;
      boolean measuring = false;
      boolean measured = false;
      long next = start;
      int rr = 0;
      long now = start;
      while (now < end) {
        if (!measuring && now >= measureStart) {
          measuring = true;
          serverCpu0 = serverCpuNanos.getAsLong();
          clientCpu0 = threads.getCurrentThreadCpuTime();
        }
        if (measuring && !measured && now >= measureEnd) {
          measured = true;
          serverCpu1 = serverCpuNanos.getAsLong();
          clientCpu1 = threads.getCurrentThreadCpuTime();
        }
        if (now < measureEnd) {
          for (int burst = 0; next <= now && burst < MAX_BURST; burst++) {
            long stamp = System.nanoTime();
            out.clear();
            out.putInt(header + SOCKET, rr).putLong(header + STAMP, stamp);
            if (stamp >= measureStart && stamp < measureEnd) {
              sent++; // a send the kernel refuses (socket buffer full) counts as lost
            }
            try {
              channels[rr].write(out);
            } catch (PortUnreachableException e) {
              invalid++; // an ICMP error from an earlier datagram; this one is not sent
            }
            rr = rr + 1 == n ? 0 : rr + 1;
            next += interval;
          }
          if (now - next > 20_000_000L) {
            next = now; // more than 20 ms behind: the asked rate is out of reach
          }
        }
        long wait = (now < measureEnd ? next : end) - now;
        if (wait > 0) {
          selector.select(Math.max(1, wait / 1_000_000));
        } else {
          selector.selectNow();
        }
        now = System.nanoTime();
        for (SelectionKey key : selector.selectedKeys()) {
          DatagramChannel ch = channels[(Integer) key.attachment()];
          for (int r = 0; r < MAX_READS; r++) {
            in.clear();
            int got;
            try {
              got = ch.read(in);
            } catch (PortUnreachableException e) {
              invalid++;
              continue;
            }
            if (got <= 0) {
              break;
            }
            if (got != header + config.payload() || in.getInt(header + NONCE) != nonce) {
              invalid++;
              continue;
            }
            long stamp = in.getLong(header + STAMP);
            if (stamp >= measureStart && stamp < measureEnd) {
              received++;
              latency.record(now - stamp);
            }
          }
        }
        selector.selectedKeys().clear();
      }
      double clientCpu = (clientCpu1 - clientCpu0) / 1e9;
      for (SelectionKey key : selector.keys()) {
        key.cancel();
      }
      selector.selectNow();
      for (DatagramChannel ch : channels) {
        ch.configureBlocking(true);
      }
      boolean cpuKnown = measured && serverCpu0 >= 0 && serverCpu1 >= 0;
      return new Result(
          label,
          config.relayedRate(),
          sent,
          received,
          config.measure().toNanos() / 1e9,
          latency,
          invalid,
          config.payload(),
          cpuKnown ? (serverCpu1 - serverCpu0) / 1e9 : -1,
          clientCpu);
    }
  }
}
