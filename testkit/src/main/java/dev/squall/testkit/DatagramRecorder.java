package dev.squall.testkit;

import dev.squall.net.DatagramHandler;
import dev.squall.util.Clock;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DatagramHandler} that records every datagram with the clock reading at arrival. Use it
 * on the scheduler's thread (the virtual scheduler's, in scenario tests).
 */
public final class DatagramRecorder implements DatagramHandler {

  /** One recorded datagram. */
  public record Arrival(long nanos, InetSocketAddress from, byte[] data) {}

  private final Clock clock;
  private final List<Arrival> arrivals = new ArrayList<>();

  public DatagramRecorder(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void onDatagram(InetSocketAddress from, byte[] data) {
    arrivals.add(new Arrival(clock.nanoTime(), from, data));
  }

  /** The arrivals so far, oldest first (a copy). */
  public List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  public int count() {
    return arrivals.size();
  }

  /** The most recent arrival. */
  public Arrival last() {
    if (arrivals.isEmpty()) {
      throw new IllegalStateException("nothing received");
    }
    return arrivals.get(arrivals.size() - 1);
  }

  /** The payloads so far, oldest first. */
  public List<byte[]> payloads() {
    return arrivals.stream().map(Arrival::data).toList();
  }

  /** A text line per arrival ({@code nanos from hex}), for comparing two runs of one scenario. */
  public List<String> trace() {
    return arrivals.stream()
        .map(a -> a.nanos() + " " + a.from() + " " + Hex.encode(a.data()))
        .toList();
  }

  public void clear() {
    arrivals.clear();
  }
}
