package dev.squall.dtls.internal;

import dev.squall.util.Scheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The handshake's outgoing records, sent a flight at a time (RFC 6347 section 4.2.4). BouncyCastle
 * writes each handshake record with its own call, on the handshake thread; the outbox collects
 * them, and when the flight is complete ({@link #endOfFlight}: BouncyCastle waits for the peer) it
 * hands the flight to the path's scheduler in one task, packed into as few datagrams as the MTU
 * allows (section 4.1.1 lets a datagram carry several records, and browsers pack their flights the
 * same way). A five-message flight then costs one thread hand-off and one datagram instead of five
 * of each.
 *
 * <p>Until {@link #release} a complete flight is held instead of sent, the newest replacing an
 * older one (BouncyCastle retransmits whole flights); release sends the held flight at once, on the
 * scheduler. This lets a prepared client build its ClientHello before ICE has a path and send it
 * the moment one is selected.
 *
 * <p>Thread-safe: records and flight ends come from the handshake thread, release runs on the
 * scheduler; datagrams are sent on the scheduler only.
 */
public final class FlightOutbox {

  private final Scheduler scheduler;
  private final Consumer<byte[]> path;
  private final int mtu;
  private List<byte[]> pending = new ArrayList<>();
  private List<byte[]> held = List.of();
  private boolean released;

  /**
   * @param path sends one datagram; called on {@code scheduler}
   * @param mtu the largest datagram; records are packed up to it
   */
  public FlightOutbox(Scheduler scheduler, Consumer<byte[]> path, int mtu) {
    this.scheduler = scheduler;
    this.path = path;
    this.mtu = mtu;
  }

  /** One record of the flight being written; copied. */
  public synchronized void add(byte[] buffer, int offset, int length) {
    pending.add(Arrays.copyOfRange(buffer, offset, offset + length));
  }

  /** The flight is complete: send it (one scheduler task), or hold it until released. */
  public void endOfFlight() {
    List<byte[]> flight = takeFlight();
    if (flight != null) {
      scheduler.execute(() -> sendPacked(flight));
    }
  }

  /**
   * The handshake thread is done: its last flight (if any, and if released) then {@code then}, in
   * one scheduler task.
   */
  public void finish(Runnable then) {
    List<byte[]> flight = takeFlight();
    scheduler.execute(
        () -> {
          if (flight != null) {
            sendPacked(flight);
          }
          then.run();
        });
  }

  /** Lets flights go from now on and sends the held one. Call on the scheduler. */
  public void release() {
    List<byte[]> flight;
    synchronized (this) {
      if (released) {
        return;
      }
      released = true;
      flight = held;
      held = List.of();
    }
    sendPacked(flight);
  }

  public synchronized boolean isReleased() {
    return released;
  }

  /** The pending flight to send now, or null (nothing pending, or held for release). */
  private synchronized List<byte[]> takeFlight() {
    if (pending.isEmpty()) {
      return null;
    }
    List<byte[]> flight = pending;
    pending = new ArrayList<>();
    if (!released) {
      held = flight;
      return null;
    }
    return flight;
  }

  /** Sends {@code records} in order, each datagram filled with whole records up to the MTU. */
  private void sendPacked(List<byte[]> records) {
    int i = 0;
    while (i < records.size()) {
      int size = records.get(i).length;
      int end = i + 1;
      while (end < records.size() && size + records.get(end).length <= mtu) {
        size += records.get(end).length;
        end++;
      }
      if (end == i + 1) {
        path.accept(records.get(i));
      } else {
        byte[] datagram = new byte[size];
        int at = 0;
        for (int j = i; j < end; j++) {
          byte[] record = records.get(j);
          System.arraycopy(record, 0, datagram, at, record.length);
          at += record.length;
        }
        path.accept(datagram);
      }
      i = end;
    }
  }
}
