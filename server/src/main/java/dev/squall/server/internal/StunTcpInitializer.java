package dev.squall.server.internal;

import dev.squall.stun.StunBindingServer;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import java.time.Duration;

/** Pipeline of one STUN-over-TCP connection: idle close → frame decoder → handler. */
public final class StunTcpInitializer extends ChannelInitializer<SocketChannel> {

  private final StunBindingServer stun;
  private final ServerMetrics metrics;
  private final Duration idleTimeout;
  private final ChannelGroup channels;

  public StunTcpInitializer(
      StunBindingServer stun, ServerMetrics metrics, Duration idleTimeout, ChannelGroup channels) {
    this.stun = stun;
    this.metrics = metrics;
    this.idleTimeout = idleTimeout;
    this.channels = channels;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    channels.add(ch);
    ch.pipeline()
        .addLast("idle", new IdleTimeoutCloser(idleTimeout))
        .addLast("frames", new StunTcpFrameDecoder())
        .addLast("stun", new StunTcpHandler(stun, metrics));
  }
}
