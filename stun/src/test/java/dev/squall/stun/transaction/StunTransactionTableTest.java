package dev.squall.stun.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.stun.StunClass;
import dev.squall.stun.StunMessage;
import dev.squall.stun.StunMessageType;
import dev.squall.stun.StunMethod;
import dev.squall.stun.TransactionId;
import dev.squall.stun.attribute.ErrorCode;
import dev.squall.util.Cancellable;
import dev.squall.util.Scheduler;
import dev.squall.util.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StunTransactionTableTest {

  private final VirtualScheduler scheduler = new VirtualScheduler();
  private final StunTransactionTable table = new StunTransactionTable(scheduler);
  private final SplittableRandom random = new SplittableRandom(1);
  private final List<Long> sentAt = new ArrayList<>();
  private final List<byte[]> sent = new ArrayList<>();

  @Test
  void retransmitsOnTheRfc8489ScheduleThenTimesOut() {
    StunMessage request = request();
    CompletableFuture<StunMessage> future =
        table.start(request, Reliability.UNRELIABLE, this::record);

    scheduler.advance(Duration.ofMillis(39_499));
    assertThat(sentAt).containsExactly(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L);
    assertThat(sent).allSatisfy(b -> assertThat(b).isEqualTo(request.encode()));
    assertThat(future).isNotDone();

    scheduler.advance(Duration.ofMillis(1));
    assertThat(future).isCompletedExceptionally();
    assertThatThrownBy(future::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(StunTimeoutException.class)
        .hasMessageContaining("7 transmission(s)")
        .hasMessageContaining("39500 ms");
    StunTimeoutException timeout = (StunTimeoutException) failure(future);
    assertThat(timeout.transactionId()).isEqualTo(request.transactionId());
    assertThat(timeout.transmissions()).isEqualTo(7);
    assertThat(table.size()).isZero();
    scheduler.runUntilIdle();
    assertThat(sentAt).hasSize(7);
  }

  @Test
  void theRtoIsConfigurable() {
    StunTransactionTable fast =
        new StunTransactionTable(
            scheduler, StunTransactionConfig.DEFAULT.withInitialRto(Duration.ofMillis(100)));
    CompletableFuture<StunMessage> future =
        fast.start(request(), Reliability.UNRELIABLE, this::record);
    scheduler.runUntilIdle();
    assertThat(sentAt).containsExactly(0L, 100L, 300L, 700L, 1500L, 3100L, 6300L);
    assertThat(failure(future)).isInstanceOf(StunTimeoutException.class);
    assertThat(scheduler.nanoTime()).isEqualTo(Duration.ofMillis(7900).toNanos());
  }

  @Test
  void reliableTransportsSendOnceAndWait39point5Seconds() {
    CompletableFuture<StunMessage> future =
        table.start(request(), Reliability.RELIABLE, this::record);
    scheduler.advance(Duration.ofMillis(39_499));
    assertThat(sentAt).containsExactly(0L);
    assertThat(future).isNotDone();
    scheduler.advance(Duration.ofMillis(1));
    assertThat(failure(future))
        .isInstanceOf(StunTimeoutException.class)
        .hasMessageContaining("1 transmission(s)");
  }

  @Test
  void aMatchingResponseCompletesAndStopsRetransmission() throws Exception {
    StunMessage request = request();
    CompletableFuture<StunMessage> future =
        table.start(request, Reliability.UNRELIABLE, this::record);
    scheduler.advance(Duration.ofMillis(1600));
    StunMessage response =
        StunMessage.builder(StunMessageType.BINDING_SUCCESS, request.transactionId()).build();

    assertThat(table.handleResponse(response)).isTrue();

    assertThat(future.get()).isEqualTo(response);
    assertThat(table.size()).isZero();
    assertThat(scheduler.pendingTasks()).isZero();
    scheduler.runUntilIdle();
    assertThat(sentAt).containsExactly(0L, 500L, 1500L);
    assertThat(table.handleResponse(response)).isFalse(); // duplicate response
  }

  @Test
  void errorResponsesCompleteTheFutureToo() throws Exception {
    StunMessage request = request();
    CompletableFuture<StunMessage> future = table.start(request, Reliability.UNRELIABLE, b -> {});
    StunMessage error =
        StunMessage.builder(StunMessageType.BINDING_ERROR, request.transactionId())
            .add(ErrorCode.of(ErrorCode.ROLE_CONFLICT))
            .build();
    assertThat(table.handleResponse(error)).isTrue();
    assertThat(future.get().attribute(ErrorCode.class).orElseThrow().code()).isEqualTo(487);
  }

  @Test
  void unknownIdsRequestsAndOtherMethodsAreIgnored() {
    StunMessage request = request();
    CompletableFuture<StunMessage> future = table.start(request, Reliability.UNRELIABLE, b -> {});
    TransactionId id = request.transactionId();

    assertThat(
            table.handleResponse(
                StunMessage.builder(StunMessageType.BINDING_SUCCESS, TransactionId.random(random))
                    .build()))
        .isFalse();
    assertThat(
            table.handleResponse(StunMessage.builder(StunMessageType.BINDING_REQUEST, id).build()))
        .isFalse();
    assertThat(
            table.handleResponse(
                StunMessage.builder(
                        new StunMessageType(StunMethod.ALLOCATE, StunClass.SUCCESS_RESPONSE), id)
                    .build()))
        .isFalse();
    assertThat(table.handleResponse(null)).isFalse();
    assertThat(future).isNotDone();
    assertThat(table.isOutstanding(id)).isTrue();
  }

  @Test
  void cancellationStopsTheTransaction() {
    StunMessage first = request();
    StunMessage second = request();
    CompletableFuture<StunMessage> a = table.start(first, Reliability.UNRELIABLE, this::record);
    CompletableFuture<StunMessage> b = table.start(second, Reliability.UNRELIABLE, this::record);
    scheduler.advance(Duration.ofMillis(600));

    assertThat(table.cancel(first.transactionId())).isTrue();
    assertThat(table.cancel(first.transactionId())).isFalse();
    b.cancel(false); // through the future

    assertThat(a).isCancelled();
    assertThatThrownBy(b::join).isInstanceOf(CancellationException.class);
    assertThat(table.size()).isZero();
    scheduler.runUntilIdle();
    assertThat(sentAt).containsExactly(0L, 0L, 500L, 500L);
  }

  @Test
  void cancelAllCancelsEveryTransaction() {
    CompletableFuture<StunMessage> a = table.start(request(), Reliability.UNRELIABLE, b -> {});
    CompletableFuture<StunMessage> b = table.start(request(), Reliability.RELIABLE, x -> {});
    table.cancelAll();
    assertThat(a).isCancelled();
    assertThat(b).isCancelled();
    assertThat(table.size()).isZero();
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void cancellingOffTheSchedulerCleansUpOnTheScheduler() {
    AtomicBoolean onLoop = new AtomicBoolean(true);
    StunTransactionTable loopTable = new StunTransactionTable(new FlaggedScheduler(onLoop));
    CompletableFuture<StunMessage> future =
        loopTable.start(request(), Reliability.UNRELIABLE, this::record);

    onLoop.set(false); // now "another thread"
    future.cancel(false);
    assertThat(loopTable.size()).isEqualTo(1); // clean-up is queued, not run here
    assertThatThrownBy(() -> loopTable.start(request(), Reliability.UNRELIABLE, b -> {}))
        .isInstanceOf(IllegalStateException.class);

    onLoop.set(true);
    scheduler.runPending();
    assertThat(loopTable.size()).isZero();
    scheduler.runUntilIdle();
    assertThat(sentAt).containsExactly(0L);
  }

  /** The virtual scheduler, claiming to be on or off its thread as the test says. */
  private final class FlaggedScheduler implements Scheduler {
    private final AtomicBoolean onLoop;

    FlaggedScheduler(AtomicBoolean onLoop) {
      this.onLoop = onLoop;
    }

    @Override
    public long nanoTime() {
      return scheduler.nanoTime();
    }

    @Override
    public void execute(Runnable task) {
      scheduler.execute(task);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
      return scheduler.schedule(delay, task);
    }

    @Override
    public boolean inScheduler() {
      return onLoop.get();
    }
  }

  @Test
  void aFailingSendFailsTheTransaction() {
    RuntimeException boom = new IllegalStateException("socket closed");
    CompletableFuture<StunMessage> future =
        table.start(
            request(),
            Reliability.UNRELIABLE,
            b -> {
              throw boom;
            });
    assertThat(failure(future)).isSameAs(boom);
    assertThat(table.size()).isZero();
    assertThat(scheduler.pendingTasks()).isZero();
  }

  @Test
  void rejectsNonRequestsAndDuplicateIds() {
    StunMessage request = request();
    table.start(request, Reliability.UNRELIABLE, b -> {});
    assertThatThrownBy(() -> table.start(request, Reliability.UNRELIABLE, b -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    StunMessage indication =
        StunMessage.builder(StunMessageType.BINDING_INDICATION, TransactionId.random(random))
            .build();
    assertThatThrownBy(() -> table.start(indication, Reliability.UNRELIABLE, b -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void configRejectsNonsense() {
    assertThatThrownBy(() -> StunTransactionConfig.DEFAULT.withInitialRto(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new StunTransactionConfig(Duration.ofMillis(500), 0, 16, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private StunMessage request() {
    return StunMessage.builder(StunMessageType.BINDING_REQUEST, TransactionId.random(random))
        .addFingerprint()
        .build();
  }

  /** The exception a completed future failed with (CompletableFuture#exceptionNow is Java 19). */
  private static Throwable failure(CompletableFuture<?> future) {
    assertThat(future).isDone();
    return future.handle((result, error) -> error).join();
  }

  private void record(byte[] bytes) {
    sentAt.add(scheduler.nanoTime() / 1_000_000L);
    sent.add(bytes);
  }
}
