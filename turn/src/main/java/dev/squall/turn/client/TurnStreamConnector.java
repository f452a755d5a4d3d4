package dev.squall.turn.client;

import dev.squall.util.Scheduler;
import java.util.concurrent.CompletableFuture;

/**
 * Opens {@link TurnStream}s to TURN servers reached over TCP or TLS: the I/O binding a {@link
 * TurnClient} needs for those transports ({@code NettyTurnConnector} in production, in-memory ones
 * in tests).
 */
@FunctionalInterface
public interface TurnStreamConnector {

  /** Refuses every connection: TURN over TCP and TLS is not available. */
  TurnStreamConnector NONE =
      (server, scheduler) ->
          CompletableFuture.failedFuture(
              new TurnException(
                  TurnException.PROTOCOL,
                  "no connector for TURN over " + server.transport() + " to " + server));

  /**
   * Connects to {@code server} (its transport is TCP or TLS); the stream's callbacks run on {@code
   * scheduler}. Fails with a {@link TurnException} or the I/O error.
   */
  CompletableFuture<TurnStream> connect(TurnEndpoint server, Scheduler scheduler);
}
