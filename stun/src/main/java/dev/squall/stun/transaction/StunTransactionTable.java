package dev.squall.stun.transaction;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.TransactionId;
import dev.squall.util.Scheduler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The client transactions of one STUN agent (RFC 8489 §6.2), sans-I/O on a serial {@link
 * Scheduler}: {@link #start} sends a request through a callback and retransmits it on the
 * configured schedule; {@link #handleResponse} routes a decoded response to its transaction by
 * transaction ID (unknown IDs, requests and indications are ignored).
 *
 * <p>Threading: {@code start}, {@code handleResponse}, {@code cancel} and {@code cancelAll} must
 * run on the scheduler (checked). The returned future completes on the scheduler: with the response
 * (success or error response; interpreting an error code is the caller's business), with {@link
 * StunTimeoutException}, with the exception the send callback threw, or cancelled. Cancelling the
 * future from any thread stops the transaction (the clean-up is posted to the scheduler).
 */
public final class StunTransactionTable {

  private final Scheduler scheduler;
  private final StunTransactionConfig config;
  private final Map<TransactionId, ClientTransaction> transactions = new HashMap<>();

  /** A table with {@link StunTransactionConfig#DEFAULT}. */
  public StunTransactionTable(Scheduler scheduler) {
    this(scheduler, StunTransactionConfig.DEFAULT);
  }

  public StunTransactionTable(Scheduler scheduler, StunTransactionConfig config) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Sends {@code request} now through {@code send} and keeps retransmitting it until a response
   * arrives, the transaction times out, or it is cancelled.
   *
   * @param send receives the encoded request (a fresh array) for each transmission
   * @throws IllegalArgumentException when {@code request} is not a request, or its transaction ID
   *     is already outstanding
   */
  public CompletableFuture<StunMessage> start(
      StunMessage request, Reliability reliability, Consumer<byte[]> send) {
    requireInScheduler();
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(reliability, "reliability");
    Objects.requireNonNull(send, "send");
    if (request.messageClass() != StunClass.REQUEST) {
      throw new IllegalArgumentException("not a request: " + request.type());
    }
    TransactionId id = request.transactionId();
    if (transactions.containsKey(id)) {
      throw new IllegalArgumentException("transaction " + id + " is already outstanding");
    }
    ClientTransaction tx = new ClientTransaction(scheduler, config, reliability, request, send);
    transactions.put(id, tx);
    tx.future().whenComplete((response, failure) -> onDone(id, tx));
    tx.start();
    return tx.future();
  }

  /**
   * Completes the transaction this response answers.
   *
   * @return true when it matched an outstanding transaction (same transaction ID and method)
   */
  public boolean handleResponse(StunMessage response) {
    requireInScheduler();
    if (response == null || !response.messageClass().isResponse()) {
      return false;
    }
    ClientTransaction tx = transactions.get(response.transactionId());
    if (tx == null || !tx.request().method().equals(response.method())) {
      return false;
    }
    return tx.future().complete(response);
  }

  /** Cancels one transaction; true when it was outstanding. */
  public boolean cancel(TransactionId id) {
    requireInScheduler();
    ClientTransaction tx = transactions.get(id);
    return tx != null && tx.future().cancel(false);
  }

  /** Cancels every outstanding transaction (e.g. when the agent closes). */
  public void cancelAll() {
    requireInScheduler();
    for (ClientTransaction tx : List.copyOf(transactions.values())) {
      tx.future().cancel(false);
    }
  }

  /** True while a transaction with this ID is outstanding. */
  public boolean isOutstanding(TransactionId id) {
    return transactions.containsKey(id);
  }

  /** Number of outstanding transactions. */
  public int size() {
    return transactions.size();
  }

  private void onDone(TransactionId id, ClientTransaction tx) {
    Runnable cleanUp =
        () -> {
          tx.stop();
          transactions.remove(id, tx);
        };
    if (scheduler.inScheduler()) {
      cleanUp.run();
    } else {
      scheduler.execute(cleanUp);
    }
  }

  private void requireInScheduler() {
    if (!scheduler.inScheduler()) {
      throw new IllegalStateException("STUN transactions must be driven from their scheduler");
    }
  }
}
