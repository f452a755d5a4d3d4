package dev.squall.signal.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The client's end of one WebSocket channel: completes {@link #handshake} when the upgrade is done,
 * forwards text frames and the close status to the {@link SignalingClient}.
 */
final class ClientChannelHandler extends ChannelInboundHandlerAdapter {

  /** Callbacks, all on the channel's loop. */
  interface Sink {
    void onText(Channel channel, String text);

    void onCloseFrame(Channel channel, int status, String reason);

    void onInactive(Channel channel);
  }

  final CompletableFuture<Channel> handshake = new CompletableFuture<>();
  private final Sink sink;

  ClientChannelHandler(Sink sink) {
    this.sink = sink;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      handshake.complete(ctx.channel());
    } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      handshake.completeExceptionally(new IOException("WebSocket handshake timed out"));
      ctx.close();
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof TextWebSocketFrame text) {
        sink.onText(ctx.channel(), text.text());
      } else if (msg instanceof CloseWebSocketFrame close) {
        sink.onCloseFrame(ctx.channel(), close.statusCode(), close.reasonText());
        ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), ""))
            .addListener(ChannelFutureListener.CLOSE);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    handshake.completeExceptionally(new IOException("connection closed during the handshake"));
    sink.onInactive(ctx.channel());
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    handshake.completeExceptionally(cause);
    ctx.close();
  }
}
