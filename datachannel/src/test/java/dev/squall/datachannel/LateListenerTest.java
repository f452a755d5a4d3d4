package dev.squall.datachannel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.vnet.LinkConditions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Open and close listeners added after the callback thread delivered the event (the interop race: a
 * channel created on an established association opens at once, and the callback thread may run its
 * open event before the creating thread has added {@code onOpen}).
 */
class LateListenerTest {

  /** Alice's callback thread, run by hand: the test decides when it gets ahead of the caller. */
  private final ArrayDeque<Runnable> callbacks = new ArrayDeque<>();

  private final Executor callbackThread = callbacks::add;

  private void runCallbacks() {
    Runnable r;
    while ((r = callbacks.poll()) != null) {
      r.run();
    }
  }

  private Duo established() {
    Duo duo =
        new Duo(7, LinkConditions.PERFECT.withDelay(Duration.ofMillis(10)), callbackThread).start();
    DataChannel first = duo.alice.createDataChannel("first", DataChannelInit.DEFAULT);
    assertThat(duo.runUntil(() -> first.readyState() == DataChannelState.OPEN)).isTrue();
    runCallbacks();
    return duo;
  }

  @Test
  void onOpenAddedAfterTheOpenWasDeliveredStillRunsOnce() {
    Duo duo = established();
    DataChannel ch = duo.alice.createDataChannel("late", DataChannelInit.DEFAULT);
    AtomicInteger early = new AtomicInteger();
    ch.onOpen(early::incrementAndGet);
    assertThat(ch.readyState()).as("opens without a round trip").isEqualTo(DataChannelState.OPEN);
    runCallbacks(); // the callback thread delivers the open before the caller adds its listener
    assertThat(early).hasValue(1);
    AtomicInteger late = new AtomicInteger();
    ch.onOpen(late::incrementAndGet);
    assertThat(late).as("not inline on the caller's thread").hasValue(0);
    runCallbacks();
    assertThat(late).hasValue(1);
    assertThat(early).as("the early listener runs once").hasValue(1);
  }

  @Test
  void aListenerAddedWhileTheOpenIsDeliveredRunsOnce() {
    Duo duo = established();
    DataChannel ch = duo.alice.createDataChannel("racing", DataChannelInit.DEFAULT);
    AtomicInteger inner = new AtomicInteger();
    // added by another listener while the open is being delivered: seen by the delivery's read of
    // the list or by its own registration, never by both
    ch.onOpen(() -> ch.onOpen(inner::incrementAndGet));
    runCallbacks();
    runCallbacks();
    assertThat(inner).hasValue(1);
  }

  @Test
  void onCloseAddedAfterTheCloseWasDeliveredStillRuns() {
    Duo duo = established();
    DataChannel ch = duo.alice.createDataChannel("closing", DataChannelInit.DEFAULT);
    assertThat(duo.runUntil(() -> !duo.bobIncoming.isEmpty())).isTrue();
    ch.close();
    assertThat(duo.runUntil(() -> ch.readyState() == DataChannelState.CLOSED)).isTrue();
    runCallbacks();
    AtomicInteger closes = new AtomicInteger();
    AtomicInteger opens = new AtomicInteger();
    ch.onClose(closes::incrementAndGet);
    ch.onOpen(opens::incrementAndGet);
    runCallbacks();
    assertThat(closes).hasValue(1);
    assertThat(opens).as("it did open before it closed").hasValue(1);
  }

  @Test
  void aChannelThatNeverOpenedRunsNoLateOpenListener() {
    Duo duo = new Duo(8, LinkConditions.PERFECT, callbackThread);
    DataChannel ch = duo.alice.createDataChannel("never", DataChannelInit.DEFAULT);
    ch.close();
    runCallbacks();
    AtomicInteger opens = new AtomicInteger();
    AtomicInteger closes = new AtomicInteger();
    ch.onOpen(opens::incrementAndGet);
    ch.onClose(closes::incrementAndGet);
    runCallbacks();
    assertThat(ch.readyState()).isEqualTo(DataChannelState.CLOSED);
    assertThat(opens).hasValue(0);
    assertThat(closes).hasValue(1);
  }
}
