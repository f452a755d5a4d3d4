package dev.squall.peer.internal;

import dev.squall.turn.client.TurnEndpoint;
import dev.squall.turn.client.TurnException;
import dev.squall.turn.client.TurnStream;
import dev.squall.turn.client.TurnTransport;
import dev.squall.util.Scheduler;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.net.ssl.SSLHandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP or TLS connection to a TURN server as a {@link TurnStream}: the last handler of the
 * channel's pipeline, after the optional TLS handler and the {@link TurnFrameDecoder}. {@link
 * #connected()} completes with this stream once the connection is up (for TLS: once the handshake
 * verified the server's certificate), or fails with the reason: the TLS failure as an {@link
 * SSLHandshakeException} naming the server and the cause, a handshake that took too long as a
 * {@link TurnException#TIMEOUT}, a connection closed first as a {@link java.io.IOException}.
 *
 * <p>The channel lives on the scheduler's event loop: messages and the close listeners run there.
 * Messages that arrive before {@link #onMessage} are kept for the handler. Sending drops the
 * message when the connection is closed, or when more than the channel's write-buffer high-water
 * mark is already waiting for the kernel (the path carries datagrams: a slow server loses them
 * rather than grow memory without bound); drops are counted in {@link #dropped()}.
 */
public final class NettyTurnStream extends ChannelInboundHandlerAdapter implements TurnStream {

  private static final Logger LOG = LoggerFactory.getLogger(NettyTurnStream.class);

  private final TurnEndpoint endpoint;
  private final Scheduler scheduler;
  private final CompletableFuture<TurnStream> connected = new CompletableFuture<>();
  private final List<Runnable> closeListeners = new ArrayList<>();
  private final Queue<byte[]> early = new ArrayDeque<>();
  private Consumer<byte[]> handler;
  private Channel channel;
  private volatile boolean closed;
  private boolean closeReported;
  private long dropped;

  public NettyTurnStream(TurnEndpoint endpoint, Scheduler scheduler) {
    this.endpoint = endpoint;
    this.scheduler = scheduler;
  }

  /** Completes when the stream is ready for TURN messages; fails with the reason it is not. */
  public CompletableFuture<TurnStream> connected() {
    return connected;
  }

  /** Messages dropped on send (closed, or too much already queued). */
  public long dropped() {
    return dropped;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    channel = ctx.channel();
    if (endpoint.transport() != TurnTransport.TLS) {
      connected.complete(this);
    }
    super.channelActive(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (event instanceof SslHandshakeCompletionEvent done) {
      if (done.isSuccess()) {
        connected.complete(this);
      } else {
        fail(ctx, done.cause());
      }
    }
    super.userEventTriggered(ctx, event);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof byte[] message) || closed) {
      return;
    }
    if (handler == null) {
      early.add(message);
    } else if (scheduler.inScheduler()) {
      handler.accept(message);
    } else {
      Consumer<byte[]> h = handler;
      scheduler.execute(() -> h.accept(message));
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!connected.isDone()) {
      fail(ctx, cause);
      return;
    }
    LOG.debug("TURN connection to {} failed: {}", endpoint, cause.toString());
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    closed = true;
    if (!connected.isDone()) {
      connected.completeExceptionally(
          new java.io.IOException(
              "the TURN server " + endpoint + " closed the connection before it was ready"));
    }
    if (!closeReported) {
      closeReported = true;
      closeListeners.forEach(scheduler::execute);
    }
    super.channelInactive(ctx);
  }

  private void fail(ChannelHandlerContext ctx, Throwable cause) {
    Throwable error;
    if (cause instanceof SslHandshakeTimeoutException) {
      error =
          new TurnException(
              TurnException.TIMEOUT, "TLS handshake with " + describe() + " timed out");
    } else if (endpoint.transport() == TurnTransport.TLS) {
      SSLHandshakeException e =
          new SSLHandshakeException(
              "TLS handshake with " + describe() + " failed: " + rootMessage(cause));
      e.initCause(cause);
      error = e;
    } else {
      error = cause;
    }
    connected.completeExceptionally(error);
    ctx.close();
  }

  private String describe() {
    return endpoint + (endpoint.serverName() != null ? " (" + endpoint.serverName() + ")" : "");
  }

  private static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return m != null ? m : root.toString();
  }

  @Override
  public InetSocketAddress server() {
    return endpoint.address();
  }

  @Override
  public InetSocketAddress localAddress() {
    return channel != null ? (InetSocketAddress) channel.localAddress() : null;
  }

  @Override
  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public boolean isStream() {
    return true;
  }

  @Override
  public void send(byte[] message) {
    Channel ch = channel;
    if (closed || ch == null || !ch.isWritable()) {
      dropped++;
      return;
    }
    ch.writeAndFlush(Unpooled.wrappedBuffer(message), ch.voidPromise());
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void onMessage(Consumer<byte[]> h) {
    handler = h;
    while (!early.isEmpty()) {
      h.accept(early.poll());
    }
  }

  @Override
  public void onClose(Runnable listener) {
    if (closeReported) {
      scheduler.execute(listener);
    } else {
      closeListeners.add(listener);
    }
  }

  @Override
  public void close() {
    closed = true;
    Channel ch = channel;
    if (ch != null) {
      ch.close();
    }
  }

  @Override
  public String toString() {
    return endpoint.transport().name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + (channel != null ? channel.localAddress() : "unconnected")
        + " -> "
        + endpoint.address();
  }
}
