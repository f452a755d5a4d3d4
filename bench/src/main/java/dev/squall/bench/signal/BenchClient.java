package dev.squall.bench.signal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One simulated signaling client: speaks its {@link RelayProtocol} on one WebSocket, completes
 * {@link #ready} when the server lets it relay, records the latency of every relayed message it
 * receives and, when the pacer asks, relays the next offer or candidate to the next of its group
 * peers in turn. Runs entirely on its channel's event loop.
 */
final class BenchClient extends SimpleChannelInboundHandler<TextWebSocketFrame> {
  final int index;
  final int group;
  final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final RelayProtocol protocol;
  private final LoopStatsLookup statsLookup;
  private final Queue<String> errorSamples;
  private volatile String id;
  private String[] peers = new String[0];
  private int nextPeer;
  private int sequence;
  private Channel channel;
  private LoopStats stats;

  /** Finds the stats of the loop a channel is registered with. */
  interface LoopStatsLookup {
    LoopStats of(Channel channel);
  }

  BenchClient(
      int index,
      int group,
      RelayProtocol protocol,
      LoopStatsLookup statsLookup,
      Queue<String> errorSamples) {
    this.index = index;
    this.group = group;
    this.protocol = protocol;
    this.statsLookup = statsLookup;
    this.errorSamples = errorSamples;
  }

  String id() {
    return id;
  }

  Channel channel() {
    return channel;
  }

  /** Sets the ids this client relays to (called once all clients are ready). */
  void peers(String[] peerIds) {
    this.peers = peerIds.clone();
  }

  /** Relays the next message; every 8th is an offer, the others candidates. */
  void sendNext() {
    if (peers.length == 0) {
      return;
    }
    String to = peers[nextPeer];
    nextPeer = (nextPeer + 1) % peers.length;
    int seq = sequence++;
    String text = protocol.relay(to, seq % 8 == 0, System.nanoTime(), seq);
    channel.writeAndFlush(new TextWebSocketFrame(text), channel.voidPromise());
    stats.onSent();
  }

  /** Sends the protocol's keepalive, if it has one. */
  void keepalive() {
    String text = protocol.keepalive();
    if (text != null && channel.isActive()) {
      channel.writeAndFlush(new TextWebSocketFrame(text), channel.voidPromise());
    }
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
    stats = statsLookup.of(channel);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      String hello = protocol.hello(index, group);
      if (hello != null) {
        ctx.writeAndFlush(new TextWebSocketFrame(hello));
      }
    } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      ready.completeExceptionally(new IllegalStateException("handshake timeout"));
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
    String text = frame.text();
    switch (protocol.classify(text)) {
      case RELAYED -> stats.onReceived(System.nanoTime() - RelayProtocol.timestampOf(text));
      case READY -> {
        id = protocol.idFrom(text, index);
        if (protocol.keepalive() != null) {
          long first = 5_000 + (index * 7919L) % 15_000; // spread over the 20 s period
          ctx.channel()
              .eventLoop()
              .scheduleAtFixedRate(this::keepalive, first, 20_000, TimeUnit.MILLISECONDS);
        }
        ready.complete(null);
      }
      case ERROR -> {
        stats.onError();
        if (errorSamples.size() < 10) {
          errorSamples.add(protocol.name() + " client " + index + ": " + text);
        }
        if (!ready.isDone()) {
          ready.completeExceptionally(new IllegalStateException(text));
        }
      }
      case OTHER -> {}
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (ready.isDone()) {
      stats.disconnects++;
    }
    ready.completeExceptionally(new IllegalStateException("connection closed"));
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ready.completeExceptionally(cause);
    if (errorSamples.size() < 10) {
      errorSamples.add(protocol.name() + " client " + index + ": " + cause);
    }
    ctx.close();
  }
}
