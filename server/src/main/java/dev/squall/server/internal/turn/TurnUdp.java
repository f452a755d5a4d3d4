package dev.squall.server.internal.turn;

import dev.squall.server.internal.ErrorReporter;
import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;

/**
 * Hands the TURN datagrams of one UDP listener socket to the TURN shard of the socket's event loop,
 * each as one message from the {@link UdpClient} of its source. One instance per socket, used on
 * its loop only.
 */
public final class TurnUdp {

  private final Shard shard;
  private final Counter sendDrops;
  private final ErrorReporter errors;

  public TurnUdp(Shard shard, Counter sendDrops, ErrorReporter errors) {
    this.shard = shard;
    this.sendDrops = sendDrops;
    this.errors = errors;
  }

  /** Hands one datagram to the shard; never throws. */
  public void handle(Channel channel, DatagramPacket packet) {
    ByteBuf content = packet.content();
    byte[] message = new byte[content.readableBytes()];
    content.getBytes(content.readerIndex(), message);
    InetSocketAddress local = (InetSocketAddress) channel.localAddress();
    UdpClient client = new UdpClient(channel, packet.sender(), local, shard.flusher(), sendDrops);
    try {
      shard.server().handle(client, message);
    } catch (RuntimeException e) {
      errors.report("turn", "TURN server failed on a UDP datagram", e);
    }
  }
}
