package dev.squall.bench.turn;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The TURN peer of the load generator: a UDP socket on loopback that sends every datagram back to
 * where it came from (a relay address), on one thread, like coturn's {@code turnutils_peer}.
 */
final class EchoPeer implements AutoCloseable {

  private final DatagramChannel channel;
  private final Thread thread;
  private final AtomicLong echoed = new AtomicLong();

  EchoPeer() throws IOException {
    channel = DatagramChannel.open();
    channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
    channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 4 << 20);
    channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    thread = new Thread(this::run, "turn-bench-echo-peer");
    thread.setDaemon(true);
    thread.start();
  }

  InetSocketAddress address() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  long echoed() {
    return echoed.get();
  }

  private void run() {
    ByteBuffer buf = ByteBuffer.allocateDirect(65536);
    try {
      while (true) {
        buf.clear();
        SocketAddress from = channel.receive(buf);
        buf.flip();
        channel.send(buf, from);
        echoed.incrementAndGet();
      }
    } catch (ClosedChannelException e) {
      // closed: done
    } catch (IOException e) {
      System.err.println("echo peer stopped: " + e);
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
