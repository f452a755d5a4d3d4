package dev.squall.server.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection that has read nothing for the given time. Unlike a plain {@link
 * IdleStateHandler} it fires no event down the pipeline, so handlers that keep their own idle logic
 * (the signaling WebSocket) are not disturbed.
 */
public final class IdleTimeoutCloser extends IdleStateHandler {

  public IdleTimeoutCloser(Duration readIdle) {
    super(readIdle.toMillis(), 0, 0, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) {
    ctx.close();
  }
}
