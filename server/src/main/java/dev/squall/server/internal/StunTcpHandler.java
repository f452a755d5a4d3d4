package dev.squall.server.internal;

import dev.squall.server.internal.turn.TurnRouting;
import dev.squall.server.internal.turn.TurnStream;
import dev.squall.stun.StunBindingServer;
import dev.squall.stun.StunServerResult;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import java.net.InetSocketAddress;

/**
 * STUN (and TURN) over TCP or TLS: each frame from {@link StunTcpFrameDecoder} is handed to the
 * {@link StunBindingServer}, or with TURN on, TURN methods and ChannelData to the connection's
 * {@link TurnStream}; responses are written back on the same connection. Binding is counted in
 * {@code squall.stun.requests{transport="tcp"|"tls",outcome}}. A stream that is not STUN is counted
 * as {@code dropped_not_stun} and closed.
 */
public final class StunTcpHandler extends SimpleChannelInboundHandler<byte[]> {

  private final StunBindingServer stun;
  private final ServerMetrics metrics;
  private final String transport;
  private final TurnStream turn;

  public StunTcpHandler(StunBindingServer stun, ServerMetrics metrics) {
    this(stun, metrics, "tcp", null);
  }

  /**
   * @param transport the metric tag: {@code tcp} or {@code tls}
   * @param turn this connection's TURN side, or null when TURN is off
   */
  public StunTcpHandler(
      StunBindingServer stun, ServerMetrics metrics, String transport, TurnStream turn) {
    this.stun = stun;
    this.metrics = metrics;
    this.transport = transport;
    this.turn = turn;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, byte[] frame) {
    if (turn != null && TurnRouting.isTurn(frame, 0, frame.length)) {
      turn.handle(ctx, frame);
      return;
    }
    InetSocketAddress source = (InetSocketAddress) ctx.channel().remoteAddress();
    StunServerResult result;
    try {
      result = stun.handle(frame, 0, frame.length, source);
    } catch (RuntimeException e) {
      metrics.errors().report("stun", "STUN handler failed on a TCP frame", e);
      ctx.close();
      return;
    }
    metrics.stunRequest(transport, StunOutcomes.tag(result.outcome()));
    if (result.response() != null) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(result.response()));
    }
    if (result.outcome() == StunServerResult.Outcome.DROPPED_NOT_STUN) {
      ctx.close();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (turn != null) {
      turn.closed();
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedFrameException
        || (cause instanceof DecoderException
            && cause.getCause() instanceof CorruptedFrameException)) {
      metrics.stunRequest(transport, StunOutcomes.tag(StunServerResult.Outcome.DROPPED_NOT_STUN));
    } else {
      metrics.errors().report(ErrorKinds.ofConnection(cause), String.valueOf(cause), cause);
    }
    ctx.close();
  }
}
