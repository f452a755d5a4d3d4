package dev.squall.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

  @Test
  void runsTasksInDeadlineOrderOnlyWhenTimeAdvances() {
    VirtualScheduler s = new VirtualScheduler();
    List<String> ran = new ArrayList<>();
    s.schedule(Duration.ofMillis(30), () -> ran.add("c@" + s.millis()));
    s.schedule(Duration.ofMillis(10), () -> ran.add("a@" + s.millis()));
    s.schedule(Duration.ofMillis(10), () -> ran.add("b@" + s.millis()));

    s.advance(Duration.ofMillis(9));
    assertThat(ran).isEmpty();
    s.advance(Duration.ofMillis(1));
    assertThat(ran).containsExactly("a@10", "b@10");
    s.advance(Duration.ofMillis(100));
    assertThat(ran).containsExactly("a@10", "b@10", "c@30");
    assertThat(s.millis()).isEqualTo(110);
  }

  @Test
  void cancelledTasksNeverRun() {
    VirtualScheduler s = new VirtualScheduler();
    List<String> ran = new ArrayList<>();
    Cancellable c = s.schedule(Duration.ofSeconds(1), () -> ran.add("x"));
    c.cancel();
    s.runUntilIdle();
    assertThat(ran).isEmpty();
    assertThat(s.executedTasks()).isZero();
  }

  @Test
  void tasksScheduledByTasksRunAtTheirOwnDeadline() {
    VirtualScheduler s = new VirtualScheduler();
    List<Long> times = new ArrayList<>();
    s.schedule(
        Duration.ofMillis(5),
        () -> {
          times.add(s.millis());
          s.schedule(Duration.ofMillis(5), () -> times.add(s.millis()));
        });
    s.runUntilIdle();
    assertThat(times).containsExactly(5L, 10L);
  }

  @Test
  void runUntilStopsAtConditionOrLimit() {
    VirtualScheduler s = new VirtualScheduler();
    int[] count = {0};
    Runnable[] tick = new Runnable[1];
    tick[0] =
        () -> {
          count[0]++;
          s.schedule(Duration.ofMillis(100), tick[0]);
        };
    s.execute(tick[0]);
    assertThat(s.runUntil(() -> count[0] == 5, Duration.ofSeconds(10))).isTrue();
    assertThat(s.millis()).isEqualTo(400);
    assertThat(s.runUntil(() -> count[0] == 1000, Duration.ofSeconds(1))).isFalse();
    assertThat(s.millis()).isEqualTo(1400);
  }

  @Test
  void runawayReschedulingIsReported() {
    VirtualScheduler s = new VirtualScheduler();
    Runnable[] loop = new Runnable[1];
    loop[0] = () -> s.execute(loop[0]);
    s.execute(loop[0]);
    assertThatThrownBy(() -> s.runUntilIdle(1000)).isInstanceOf(IllegalStateException.class);
  }
}
