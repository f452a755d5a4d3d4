package dev.squall.server.internal;

import dev.squall.server.internal.turn.TurnRouting;
import dev.squall.server.internal.turn.TurnUdp;
import dev.squall.stun.StunBindingServer;
import dev.squall.stun.StunServerResult;
import dev.squall.stun.StunServerResult.Outcome;
import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.util.EnumMap;

/**
 * STUN (and TURN) over UDP on one socket: every datagram is one message. With TURN on, TURN methods
 * and ChannelData go to the socket's TURN shard (see {@link TurnRouting}); everything else is
 * handed to the sans-I/O {@link StunBindingServer}, whose response, if any, goes back to the
 * sender. Responses are written as they are made and flushed once per read batch, so a burst of
 * requests leaves in one batched send. Every datagram is counted in {@code
 * squall.stun.requests{transport="udp",outcome}}; a handler failure is counted as error kind {@code
 * stun} and never stops the listener.
 *
 * <p>One instance per channel (it keeps a scratch array and the counters of its channel's loop).
 */
public final class StunUdpHandler extends SimpleChannelInboundHandler<DatagramPacket> {

  /** Larger datagrams are not STUN this server answers (RFC 8489 §6.1 keeps under the MTU). */
  static final int MAX_DATAGRAM = 4096;

  private final StunBindingServer stun;
  private final ServerMetrics metrics;
  private final TurnUdp turn;
  private final EnumMap<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
  private final byte[] scratch = new byte[MAX_DATAGRAM];
  private boolean pendingFlush;

  public StunUdpHandler(StunBindingServer stun, ServerMetrics metrics) {
    this(stun, metrics, null);
  }

  /**
   * @param turn the TURN shard of this socket's loop, or null when TURN is off
   */
  public StunUdpHandler(StunBindingServer stun, ServerMetrics metrics, TurnUdp turn) {
    this.stun = stun;
    this.metrics = metrics;
    this.turn = turn;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    ByteBuf content = packet.content();
    if (turn != null && TurnRouting.isTurn(content)) {
      turn.handle(ctx.channel(), packet);
      return;
    }
    int length = Math.min(content.readableBytes(), scratch.length);
    content.getBytes(content.readerIndex(), scratch, 0, length);
    StunServerResult result;
    try {
      result = stun.handle(scratch, 0, length, packet.sender());
    } catch (RuntimeException e) {
      metrics.errors().report("stun", "STUN handler failed on a UDP datagram", e);
      return;
    }
    counter(result.outcome()).increment();
    if (result.response() != null) {
      ctx.write(new DatagramPacket(Unpooled.wrappedBuffer(result.response()), packet.sender()));
      pendingFlush = true;
    }
  }

  /** The counter of {@code outcome}, looked up in the registry once per channel. */
  private Counter counter(Outcome outcome) {
    Counter counter = counters.get(outcome);
    if (counter == null) {
      counter = metrics.stunCounter("udp", StunOutcomes.tag(outcome));
      counters.put(outcome, counter);
    }
    return counter;
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (pendingFlush) {
      pendingFlush = false;
      ctx.flush();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A UDP socket error (e.g. ICMP port unreachable) must not close the listener.
    metrics.errors().report("stun-udp-io", String.valueOf(cause), cause);
  }
}
