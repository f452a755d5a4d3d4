package dev.squall.peer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallbackExecutorTest {

  @Test
  void runsCallbacksOneAtATimeInOrderAndHoldsNoThreadWhenIdle() throws Exception {
    CallbackExecutor callbacks = new CallbackExecutor("test-callbacks", Duration.ofMillis(50));
    try {
      assertThat(callbacks.activeThreads()).isZero();
      List<Integer> order = new CopyOnWriteArrayList<>();
      List<String> threads = new CopyOnWriteArrayList<>();
      CountDownLatch done = new CountDownLatch(1000);
      for (int i = 0; i < 1000; i++) {
        int n = i;
        callbacks.execute(
            () -> {
              order.add(n);
              threads.add(Thread.currentThread().getName());
              done.countDown();
            });
      }
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(order).isSorted().hasSize(1000);
      assertThat(threads).containsOnly("test-callbacks");

      await().atMost(Duration.ofSeconds(10)).until(() -> callbacks.activeThreads() == 0);

      CountDownLatch again = new CountDownLatch(1);
      callbacks.execute(again::countDown);
      assertThat(again.await(10, TimeUnit.SECONDS))
          .as("a callback after the idle thread ended starts a new one")
          .isTrue();
    } finally {
      callbacks.shutdown();
    }
    assertThat(callbacks.tryExecute(() -> {})).isFalse();
  }
}
