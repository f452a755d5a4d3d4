package dev.squall.server.internal;

import dev.squall.server.internal.turn.TurnStream;
import dev.squall.stun.StunBindingServer;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Pipeline of one STUN-over-TCP (or TURN over TCP or TLS) connection: [TLS] → idle close → frame
 * decoder → handler.
 */
public final class StunTcpInitializer extends ChannelInitializer<SocketChannel> {

  private final StunBindingServer stun;
  private final ServerMetrics metrics;
  private final Duration idleTimeout;
  private final ChannelGroup channels;
  private final SslContext ssl;
  private final Supplier<TurnStream> turn;

  public StunTcpInitializer(
      StunBindingServer stun, ServerMetrics metrics, Duration idleTimeout, ChannelGroup channels) {
    this(stun, metrics, idleTimeout, channels, null, null);
  }

  /**
   * @param ssl TLS for this listener, or null
   * @param turn makes each connection's TURN side, or null when TURN is off
   */
  public StunTcpInitializer(
      StunBindingServer stun,
      ServerMetrics metrics,
      Duration idleTimeout,
      ChannelGroup channels,
      SslContext ssl,
      Supplier<TurnStream> turn) {
    this.stun = stun;
    this.metrics = metrics;
    this.idleTimeout = idleTimeout;
    this.channels = channels;
    this.ssl = ssl;
    this.turn = turn;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    channels.add(ch);
    if (ssl != null) {
      ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
    }
    ch.pipeline()
        .addLast(TurnStream.IDLE_HANDLER, new IdleTimeoutCloser(idleTimeout))
        .addLast("frames", new StunTcpFrameDecoder(turn != null))
        .addLast(
            "stun",
            new StunTcpHandler(
                stun, metrics, ssl != null ? "tls" : "tcp", turn == null ? null : turn.get()));
  }
}
