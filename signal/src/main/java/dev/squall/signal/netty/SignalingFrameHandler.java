package dev.squall.signal.netty;

import dev.squall.signal.SignalingHub;
import dev.squall.signal.message.ErrorCode;
import dev.squall.signal.message.SignalingException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-channel bridge between WebSocket frames and the {@link SignalingHub}. Until the upgrade
 * completes it passes everything on untouched (plain HTTP requests for other paths). After it:
 * reads text frames on the channel's loop (relays without a tree or a {@code String}, see {@link
 * SignalingHub#receivedUtf8}) and reports them, refuses oversized and binary frames, pings
 * periodically and closes idle connections. Nothing a client sends escapes as an exception.
 */
final class SignalingFrameHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(SignalingFrameHandler.class);

  private final SignalingHub hub;
  private NettySignalingConnection connection;
  private ScheduledFuture<?> pinger;

  SignalingFrameHandler(SignalingHub hub) {
    this.hub = hub;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof HandshakeComplete hc && connection == null) {
      connection =
          new NettySignalingConnection(
              ctx.channel(), hostOf(hc.requestHeaders().get(HttpHeaderNames.HOST)));
      long idle = hub.config().idleTimeout().toNanos();
      ctx.pipeline()
          .addBefore(
              SignalingWebSocket.PROTOCOL,
              "signal-ws-idle",
              new IdleStateHandler(idle, 0, 0, TimeUnit.NANOSECONDS));
      long ping = hub.config().pingInterval().toNanos();
      pinger =
          ctx.executor()
              .scheduleAtFixedRate(
                  () -> ctx.writeAndFlush(new PingWebSocketFrame()),
                  ping,
                  ping,
                  TimeUnit.NANOSECONDS);
      hub.connected(connection);
      return;
    }
    if (evt instanceof IdleStateEvent && connection != null) {
      connection.close(SignalingHub.STATUS_GOING_AWAY, "idle timeout");
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame) || connection == null) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (frame instanceof TextWebSocketFrame text) {
        ByteBuf content = text.content();
        int length = content.readableBytes();
        if (length > hub.config().maxMessageBytes()) {
          hub.refused(connection, tooLarge());
        } else if (content.hasArray()) {
          hub.receivedUtf8(
              connection, content.array(), content.arrayOffset() + content.readerIndex(), length);
        } else {
          hub.receivedUtf8(connection, ByteBufUtil.getBytes(content), 0, length);
        }
      } else if (frame instanceof BinaryWebSocketFrame) {
        hub.refused(
            connection,
            new SignalingException(ErrorCode.BAD_MESSAGE, "binary frames are not accepted", null));
      }
      // pong and stray continuation frames: activity only
    } catch (RuntimeException e) {
      log.warn("unexpected failure on {}", connection.remoteHost(), e);
      hub.refused(
          connection, new SignalingException(ErrorCode.INTERNAL, "internal server error", null));
    } finally {
      ReferenceCountUtil.release(frame);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (connection == null) {
      ctx.fireExceptionCaught(cause);
      return;
    }
    if (cause instanceof TooLongFrameException) {
      hub.refused(connection, tooLarge());
      return;
    }
    log.debug("closing {} after {}", connection.remoteHost(), cause.toString());
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (pinger != null) {
      pinger.cancel(false);
    }
    if (connection != null) {
      hub.disconnected(connection);
      connection = null;
    }
    ctx.fireChannelInactive();
  }

  private SignalingException tooLarge() {
    return new SignalingException(
        ErrorCode.TOO_LARGE, "frame exceeds " + hub.config().maxMessageBytes() + " bytes", null);
  }

  /**
   * The host part of a Host header: {@code example.org:8443} → {@code example.org}, {@code
   * [::1]:80} → {@code [::1]}; null when absent or not a plausible host name or address.
   */
  static String hostOf(String hostHeader) {
    if (hostHeader == null) {
      return null;
    }
    String h = hostHeader.trim();
    String host;
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      host = end < 0 ? null : h.substring(0, end + 1);
      return host != null && host.matches("\\[[0-9A-Fa-f:.]{2,45}\\]") ? host : null;
    }
    int colon = h.indexOf(':');
    host = colon < 0 ? h : h.substring(0, colon);
    return host.matches("[A-Za-z0-9.-]{1,253}") ? host : null;
  }
}
