package dev.squall.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.DefaultEventLoop;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLoopSchedulerTest {

  @Test
  void runsTasksSeriallyOnTheLoopAndHonoursCancel() throws Exception {
    DefaultEventLoop loop = new DefaultEventLoop();
    try {
      EventLoopScheduler s = new EventLoopScheduler(loop);
      List<String> ran = new CopyOnWriteArrayList<>();
      CountDownLatch done = new CountDownLatch(1);
      s.schedule(Duration.ofMillis(50), () -> ran.add("cancelled")).cancel();
      s.execute(() -> ran.add("first:" + s.inScheduler()));
      s.schedule(
          Duration.ofMillis(20),
          () -> {
            ran.add("timer");
            done.countDown();
          });
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      // the cancelled task was due after the timer; wait past its deadline through the loop itself
      CountDownLatch later = new CountDownLatch(1);
      s.schedule(Duration.ofMillis(60), later::countDown);
      assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(ran).containsExactly("first:true", "timer");
      assertThat(s.inScheduler()).isFalse();
    } finally {
      loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
