package dev.squall.signal.client;

import dev.squall.signal.message.Joined;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Re-establishes a dropped connection and resumes the session: attempts back off from 250 ms to 5 s
 * until {@code window} has passed. A {@code resume-failed} answer ends the attempts at once (the
 * connection stays open so the application can join again). Runs on the client's loop.
 */
final class Reconnector {

  private static final long FIRST_DELAY_MS = 250;
  private static final long MAX_DELAY_MS = 5_000;

  private final SignalingClient client;
  private final String token;
  private final long deadline;
  private long delayMs = FIRST_DELAY_MS;

  Reconnector(SignalingClient client, String token, Duration window) {
    this.client = client;
    this.token = token;
    this.deadline = System.nanoTime() + window.toNanos();
  }

  void start() {
    schedule(0);
  }

  private void schedule(long delay) {
    client.loop().schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
  }

  private void attempt() {
    CompletableFuture<Joined> result = client.reattach(token);
    if (result == null) {
      return; // the client is closing
    }
    result.whenCompleteAsync(
        (joined, error) -> {
          if (error == null) {
            client.resumed(joined);
            return;
          }
          Throwable cause =
              error instanceof CompletionException && error.getCause() != null
                  ? error.getCause()
                  : error;
          if (cause instanceof SignalingErrorException) {
            client.resumeFailed(cause, false);
          } else if (System.nanoTime() + delayMs * 1_000_000 >= deadline) {
            client.resumeFailed(cause, true);
          } else {
            schedule(delayMs);
            delayMs = Math.min(MAX_DELAY_MS, delayMs * 2);
          }
        },
        client.loop());
  }
}
