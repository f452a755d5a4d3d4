package dev.squall.stun.transaction;

import dev.squall.stun.StunMessage;
import dev.squall.util.Cancellable;
import dev.squall.util.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One outstanding request: sends it, re-arms the retransmission timer, and fails the future on
 * timeout. Runs only on the table's scheduler; completion and removal are the table's business.
 */
final class ClientTransaction {

  private final Scheduler scheduler;
  private final StunTransactionConfig config;
  private final Reliability reliability;
  private final StunMessage request;
  private final byte[] bytes;
  private final Consumer<byte[]> send;
  private final CompletableFuture<StunMessage> future = new CompletableFuture<>();
  private final long startNanos;
  private Cancellable timer = Cancellable.NONE;
  private int transmissions;

  ClientTransaction(
      Scheduler scheduler,
      StunTransactionConfig config,
      Reliability reliability,
      StunMessage request,
      Consumer<byte[]> send) {
    this.scheduler = scheduler;
    this.config = config;
    this.reliability = reliability;
    this.request = request;
    this.bytes = request.encode();
    this.send = send;
    this.startNanos = scheduler.nanoTime();
  }

  StunMessage request() {
    return request;
  }

  CompletableFuture<StunMessage> future() {
    return future;
  }

  /** Sends the first transmission and arms the timer. */
  void start() {
    transmit();
  }

  /** Stops the timer; called once the future is done, whatever completed it. */
  void stop() {
    timer.cancel();
  }

  private void transmit() {
    if (future.isDone()) {
      return;
    }
    transmissions++;
    try {
      send.accept(bytes.clone());
    } catch (RuntimeException e) {
      future.completeExceptionally(e);
      return;
    }
    if (reliability == Reliability.RELIABLE) {
      timer = scheduler.schedule(config.reliableTimeout(), this::timeout);
    } else if (transmissions < config.maxTransmissions()) {
      timer = scheduler.schedule(config.retransmitInterval(transmissions), this::transmit);
    } else {
      timer = scheduler.schedule(config.finalWait(), this::timeout);
    }
  }

  private void timeout() {
    long elapsedMillis = (scheduler.nanoTime() - startNanos) / 1_000_000L;
    future.completeExceptionally(
        new StunTimeoutException(request.transactionId(), transmissions, elapsedMillis));
  }
}
