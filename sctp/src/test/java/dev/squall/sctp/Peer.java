package dev.squall.sctp;

import dev.squall.net.ConnectedTransport;
import dev.squall.net.DatagramTransport;
import dev.squall.util.Scheduler;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One end of a test association on a datagram transport, recording every event. */
final class Peer implements SctpListener {

  record Message(int stream, int ppid, byte[] data, boolean ordered) {}

  final String name;
  final SctpAssociation association;
  final List<Message> messages = new ArrayList<>();
  final List<int[]> incomingResets = new ArrayList<>();
  final List<int[]> outgoingResets = new ArrayList<>();
  final List<Integer> bufferedLow = new ArrayList<>();
  CloseReason closed;
  Runnable onLow = () -> {};
  long establishedAt = -1;
  long closedAt = -1;
  private final Scheduler scheduler;

  Peer(
      String name,
      Scheduler scheduler,
      DatagramTransport transport,
      InetSocketAddress remote,
      SctpConfig config,
      long seed) {
    this.name = name;
    this.scheduler = scheduler;
    ConnectedTransport connected = ConnectedTransport.attach(transport, remote);
    this.association =
        new SctpAssociation(scheduler, config, new Random(seed), connected::send, this);
    connected.onReceive(association::handlePacket);
  }

  @Override
  public void onEstablished() {
    establishedAt = scheduler.nanoTime();
  }

  @Override
  public void onMessage(int stream, int ppid, byte[] data, boolean ordered) {
    messages.add(new Message(stream, ppid, data, ordered));
  }

  @Override
  public void onIncomingStreamsReset(int[] streams) {
    incomingResets.add(streams);
  }

  @Override
  public void onOutgoingStreamsReset(int[] streams) {
    outgoingResets.add(streams);
  }

  @Override
  public void onBufferedAmountLow(int stream) {
    bufferedLow.add(stream);
    onLow.run();
  }

  @Override
  public void onClosed(CloseReason reason) {
    if (closed != null) {
      throw new AssertionError(name + " closed twice: " + closed + " then " + reason);
    }
    closed = reason;
    closedAt = scheduler.nanoTime();
  }

  boolean established() {
    return establishedAt >= 0;
  }
}
