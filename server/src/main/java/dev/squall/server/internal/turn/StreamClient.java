package dev.squall.server.internal.turn;

import dev.squall.turn.server.ClientConnection;
import dev.squall.turn.server.ClientProtocol;
import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;

/**
 * A TURN client over one TCP or TLS connection; equal only to itself (one connection is one
 * 5-tuple). Messages arrive framed (STUN, or ChannelData already padded by the core), are written
 * whole and flushed once per loop turn. A send finding the connection's outbound buffer full (the
 * client does not read) is dropped whole, so the stream keeps its framing, and counted.
 */
final class StreamClient implements ClientConnection {

  private final Channel channel;
  private final ClientProtocol protocol;
  private final InetSocketAddress client;
  private final InetSocketAddress server;
  private final LoopFlusher flusher;
  private final Counter sendDrops;

  StreamClient(Channel channel, ClientProtocol protocol, LoopFlusher flusher, Counter sendDrops) {
    this.channel = channel;
    this.protocol = protocol;
    this.client = (InetSocketAddress) channel.remoteAddress();
    this.server = (InetSocketAddress) channel.localAddress();
    this.flusher = flusher;
    this.sendDrops = sendDrops;
  }

  @Override
  public ClientProtocol protocol() {
    return protocol;
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
    if (!channel.isActive()) {
      return;
    }
    if (!channel.isWritable()) {
      sendDrops.increment();
      return;
    }
    ByteBuf buf = channel.alloc().directBuffer(message.length);
    buf.writeBytes(message);
    channel.write(buf);
    flusher.flushLater(channel);
  }

  @Override
  public String toString() {
    return protocol.name().toLowerCase(java.util.Locale.ROOT) + " " + client + " -> " + server;
  }
}
