package dev.squall.server.internal.turn;

import dev.squall.server.internal.ErrorReporter;
import dev.squall.server.internal.IdleTimeoutCloser;
import dev.squall.turn.server.ClientProtocol;
import io.micrometer.core.instrument.Counter;
import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;

/**
 * The TURN side of one TCP or TLS connection: its TURN messages go to the shard of the connection's
 * event loop as messages of one {@link StreamClient}, and when the connection closes the shard
 * deletes its allocation at once. The first TURN message replaces the connection's short STUN idle
 * timeout with {@code turnIdle} (longer than any allocation lifetime, so an idle but allocated
 * client is never cut off while its allocation may live). Used on the connection's loop only.
 */
public final class TurnStream {

  /** The name of the idle handler in the pipeline that the first TURN message replaces. */
  public static final String IDLE_HANDLER = "idle";

  private final TurnShards shards;
  private final ClientProtocol protocol;
  private final Counter sendDrops;
  private final ErrorReporter errors;
  private final Duration turnIdle;
  private Shard shard;
  private StreamClient client;

  public TurnStream(
      TurnShards shards,
      ClientProtocol protocol,
      Counter sendDrops,
      ErrorReporter errors,
      Duration turnIdle) {
    this.shards = shards;
    this.protocol = protocol;
    this.sendDrops = sendDrops;
    this.errors = errors;
    this.turnIdle = turnIdle;
  }

  /** Hands one framed TURN message to the shard; never throws. */
  public void handle(ChannelHandlerContext ctx, byte[] message) {
    if (client == null) {
      shard = shards.shard(ctx.channel().eventLoop());
      client = new StreamClient(ctx.channel(), protocol, shard.flusher(), sendDrops);
      if (ctx.pipeline().get(IDLE_HANDLER) != null) {
        ctx.pipeline().replace(IDLE_HANDLER, IDLE_HANDLER, new IdleTimeoutCloser(turnIdle));
      }
    }
    try {
      shard.server().handle(client, message);
    } catch (RuntimeException e) {
      errors.report("turn", "TURN server failed on a " + protocol + " message", e);
    }
  }

  /** The connection closed: the shard forgets its allocation. */
  public void closed() {
    if (client == null) {
      return;
    }
    try {
      shard.server().connectionClosed(client);
    } catch (RuntimeException e) {
      errors.report("turn", "TURN server failed on a closed " + protocol + " connection", e);
    }
  }
}
