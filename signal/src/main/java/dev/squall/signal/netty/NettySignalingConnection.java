package dev.squall.signal.netty;

import dev.squall.signal.SignalingConnection;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link SignalingConnection} over a Netty WebSocket channel. Writes may come from any thread and
 * leave in call order. Messages sent from another thread (a hub shard's) are queued and written by
 * one task on the channel's loop; messages sent on the channel's own loop are written at once.
 * Either way one flush per loop turn follows, so a burst of relayed messages costs one wake-up and
 * one write system call instead of one each. Relayed frames wrap the hub's byte array (no copy
 * until the WebSocket encoder puts header and payload into one pooled buffer). A client that stops
 * reading while more than {@value #MAX_PENDING_BYTES} bytes wait for it is disconnected.
 */
final class NettySignalingConnection implements SignalingConnection {

  static final long MAX_PENDING_BYTES = 8L * 1024 * 1024;

  private final Channel channel;
  private final String requestHost;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final Queue<TextWebSocketFrame> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  NettySignalingConnection(Channel channel, String requestHost) {
    this.channel = channel;
    this.requestHost = requestHost;
    channel.closeFuture().addListener(f -> closed.complete(null));
  }

  @Override
  public void send(String json) {
    if (channel.isActive()) {
      send(new TextWebSocketFrame(ByteBufUtil.writeUtf8(channel.alloc(), json)));
    }
  }

  /** Wraps the caller's bytes without copying: the hub never changes a frame it has sent. */
  @Override
  public void send(byte[] utf8, int offset, int length) {
    if (channel.isActive()) {
      send(new TextWebSocketFrame(Unpooled.wrappedBuffer(utf8, offset, length)));
    }
  }

  private void send(TextWebSocketFrame frame) {
    if (!channel.isWritable() && channel.bytesBeforeWritable() > MAX_PENDING_BYTES) {
      frame.release();
      channel.close();
      return;
    }
    if (channel.eventLoop().inEventLoop() && outbox.isEmpty()) {
      channel.write(frame, channel.voidPromise());
    } else {
      outbox.add(frame);
    }
    if (drainScheduled.compareAndSet(false, true)) {
      channel.eventLoop().execute(this::drain);
    }
  }

  /** On the channel's loop: writes every queued message, then flushes once. */
  private void drain() {
    drainScheduled.set(false);
    for (TextWebSocketFrame f = outbox.poll(); f != null; f = outbox.poll()) {
      channel.write(f, channel.voidPromise());
    }
    channel.flush();
  }

  @Override
  public CompletableFuture<Void> close(int status, String reason) {
    if (channel.eventLoop().inEventLoop()) {
      drain(); // queued messages leave before the close frame
    }
    if (channel.isActive()) {
      channel
          .writeAndFlush(new CloseWebSocketFrame(status, truncate(reason)))
          .addListener(ChannelFutureListener.CLOSE);
    } else {
      channel.close();
    }
    return closed;
  }

  @Override
  public String remoteHost() {
    return String.valueOf(channel.remoteAddress());
  }

  @Override
  public String requestHost() {
    return requestHost;
  }

  /** A close reason holds at most 123 bytes of UTF-8 (RFC 6455 §5.5). */
  private static String truncate(String reason) {
    if (reason == null) {
      return "";
    }
    String r = reason;
    while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
      r = r.substring(0, r.length() - 1);
    }
    return r;
  }
}
