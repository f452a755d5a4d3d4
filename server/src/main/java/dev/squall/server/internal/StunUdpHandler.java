package dev.squall.server.internal;

import dev.squall.stun.StunBindingServer;
import dev.squall.stun.StunServerResult;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/**
 * STUN over UDP: every datagram is one STUN message handed to the sans-I/O {@link
 * StunBindingServer}; its response, if any, goes back to the sender. Every datagram is counted in
 * {@code squall.stun.requests{transport="udp",outcome}}; a handler failure is counted as error kind
 * {@code stun} and never stops the listener.
 */
public final class StunUdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {

  private final StunBindingServer stun;
  private final ServerMetrics metrics;

  public StunUdpHandler(StunBindingServer stun, ServerMetrics metrics) {
    this.stun = stun;
    this.metrics = metrics;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    byte[] data = ByteBufUtil.getBytes(packet.content());
    StunServerResult result;
    try {
      result = stun.handle(data, 0, data.length, packet.sender());
    } catch (RuntimeException e) {
      metrics.errors().report("stun", "STUN handler failed on a UDP datagram", e);
      return;
    }
    metrics.stunRequest("udp", StunOutcomes.tag(result.outcome()));
    if (result.response() != null) {
      ctx.writeAndFlush(
          new DatagramPacket(Unpooled.wrappedBuffer(result.response()), packet.sender()));
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A UDP socket error (e.g. ICMP port unreachable) must not close the listener.
    metrics.errors().report("stun-udp-io", String.valueOf(cause), cause);
  }
}
