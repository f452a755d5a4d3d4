package dev.squall.server.internal;

import dev.squall.stun.StunBindingServer;
import dev.squall.stun.StunServerResult;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import java.net.InetSocketAddress;

/**
 * STUN over TCP: each frame from {@link StunTcpFrameDecoder} is handed to the {@link
 * StunBindingServer}; responses are written back on the same connection. Counted in {@code
 * squall.stun.requests{transport="tcp",outcome}}. A stream that is not STUN is counted as {@code
 * dropped_not_stun} and closed.
 */
public final class StunTcpHandler extends SimpleChannelInboundHandler<byte[]> {

  private final StunBindingServer stun;
  private final ServerMetrics metrics;

  public StunTcpHandler(StunBindingServer stun, ServerMetrics metrics) {
    this.stun = stun;
    this.metrics = metrics;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, byte[] frame) {
    InetSocketAddress source = (InetSocketAddress) ctx.channel().remoteAddress();
    StunServerResult result;
    try {
      result = stun.handle(frame, 0, frame.length, source);
    } catch (RuntimeException e) {
      metrics.errors().report("stun", "STUN handler failed on a TCP frame", e);
      ctx.close();
      return;
    }
    metrics.stunRequest("tcp", StunOutcomes.tag(result.outcome()));
    if (result.response() != null) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(result.response()));
    }
    if (result.outcome() == StunServerResult.Outcome.DROPPED_NOT_STUN) {
      ctx.close();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedFrameException
        || (cause instanceof DecoderException
            && cause.getCause() instanceof CorruptedFrameException)) {
      metrics.stunRequest("tcp", StunOutcomes.tag(StunServerResult.Outcome.DROPPED_NOT_STUN));
    } else {
      metrics.errors().report(ErrorKinds.ofConnection(cause), String.valueOf(cause), cause);
    }
    ctx.close();
  }
}
