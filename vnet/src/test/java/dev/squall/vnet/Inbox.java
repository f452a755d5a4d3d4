package dev.squall.vnet;

import dev.squall.net.DatagramHandler;
import dev.squall.util.Clock;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** Test helper: records what a transport receives, with the virtual time of arrival. */
final class Inbox implements DatagramHandler {

  record Arrival(long nanos, InetSocketAddress from, byte[] data) {
    @Override
    public String toString() {
      return nanos + " " + from + " " + (data.length > 0 ? data[0] : -1) + "/" + data.length;
    }
  }

  private final Clock clock;
  final List<Arrival> arrivals = new ArrayList<>();

  Inbox(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void onDatagram(InetSocketAddress from, byte[] data) {
    arrivals.add(new Arrival(clock.nanoTime(), from, data));
  }

  int size() {
    return arrivals.size();
  }

  InetSocketAddress lastFrom() {
    return arrivals.get(arrivals.size() - 1).from();
  }

  /** The trace as comparable text lines. */
  List<String> trace() {
    return arrivals.stream().map(Arrival::toString).toList();
  }
}
