package dev.squall.server.internal.turn;

import dev.squall.turn.server.TurnServer;
import io.netty.channel.EventLoop;

/**
 * One TURN shard: the {@link TurnServer} whose allocations live on one I/O event loop, and that
 * loop's {@link LoopFlusher}. Every client socket and relay socket of the shard runs on the loop.
 */
public record Shard(EventLoop loop, TurnServer server, LoopFlusher flusher) {}
