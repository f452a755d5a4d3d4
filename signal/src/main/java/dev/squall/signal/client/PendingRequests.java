package dev.squall.signal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.squall.signal.message.ErrorMessage;
import dev.squall.signal.message.Joined;
import dev.squall.signal.message.Pong;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The client's outstanding requests: at most one {@code join}/{@code resume} (answered by {@code
 * joined}, or by an {@code error} echoing its {@code ref}) and any number of {@code ping}s
 * (answered by {@code pong} with their id). Confined to the client's event loop.
 */
final class PendingRequests {

  private record PendingPing(CompletableFuture<Duration> future, long sentNanos) {}

  private final Map<Long, PendingPing> pings = new HashMap<>();
  private CompletableFuture<Joined> join;
  private String joinRef;
  private long next;

  /** Registers a join/resume; returns its ref, or null when one is already pending. */
  JsonNode startJoin(CompletableFuture<Joined> f) {
    if (join != null) {
      f.completeExceptionally(new IllegalStateException("a join or resume is already pending"));
      return null;
    }
    join = f;
    joinRef = "r" + next++;
    return JsonNodeFactory.instance.textNode(joinRef);
  }

  /** Registers a ping; returns the id to send. */
  JsonNode startPing(CompletableFuture<Duration> f) {
    long id = next++;
    pings.put(id, new PendingPing(f, System.nanoTime()));
    return JsonNodeFactory.instance.numberNode(id);
  }

  void joined(Joined j) {
    CompletableFuture<Joined> f = join;
    join = null;
    if (f != null) {
      f.complete(j);
    }
  }

  /** Fails the pending join when {@code e} answers it; false when the error is unrelated. */
  boolean error(ErrorMessage e) {
    if (join == null || e.ref() == null || !e.ref().asText().equals(joinRef)) {
      return false;
    }
    CompletableFuture<Joined> f = join;
    join = null;
    f.completeExceptionally(new SignalingErrorException(e));
    return true;
  }

  void pong(Pong p) {
    if (p.id() != null && p.id().canConvertToLong()) {
      PendingPing pending = pings.remove(p.id().longValue());
      if (pending != null) {
        pending.future().complete(Duration.ofNanos(System.nanoTime() - pending.sentNanos()));
      }
    }
  }

  /** Fails everything outstanding (the connection closed). */
  void failAll(Throwable cause) {
    if (join != null) {
      join.completeExceptionally(cause);
      join = null;
    }
    pings.values().forEach(p -> p.future().completeExceptionally(cause));
    pings.clear();
  }
}
