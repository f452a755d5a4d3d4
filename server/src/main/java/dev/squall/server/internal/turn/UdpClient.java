package dev.squall.server.internal.turn;

import dev.squall.turn.server.ClientConnection;
import dev.squall.turn.server.ClientProtocol;
import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A TURN client over UDP: one source address as seen on one listener socket. Equal when client and
 * server address are: the 5-tuple the TURN core keys allocations by. Sends go out of the socket
 * that received the client's datagrams (with {@code SO_REUSEPORT} the kernel keeps sending one
 * source to one socket), flushed once per loop turn; a send finding the socket's outbound buffer
 * full is dropped and counted.
 */
final class UdpClient implements ClientConnection {

  private final Channel channel;
  private final InetSocketAddress client;
  private final InetSocketAddress server;
  private final LoopFlusher flusher;
  private final Counter sendDrops;

  UdpClient(
      Channel channel,
      InetSocketAddress client,
      InetSocketAddress server,
      LoopFlusher flusher,
      Counter sendDrops) {
    this.channel = channel;
    this.client = client;
    this.server = server;
    this.flusher = flusher;
    this.sendDrops = sendDrops;
  }

  @Override
  public ClientProtocol protocol() {
    return ClientProtocol.UDP;
  }

  @Override
  public InetSocketAddress clientAddress() {
    return client;
  }

  @Override
  public InetSocketAddress serverAddress() {
    return server;
  }

  @Override
  public void send(byte[] message) {
    if (!channel.isWritable()) {
      sendDrops.increment();
      return;
    }
    ByteBuf buf = channel.alloc().directBuffer(message.length);
    buf.writeBytes(message);
    channel.write(new DatagramPacket(buf, client), channel.voidPromise());
    flusher.flushLater(channel);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UdpClient other
        && client.equals(other.client)
        && server.equals(other.server);
  }

  @Override
  public int hashCode() {
    return Objects.hash(client, server);
  }

  @Override
  public String toString() {
    return "udp " + client + " -> " + server;
  }
}
