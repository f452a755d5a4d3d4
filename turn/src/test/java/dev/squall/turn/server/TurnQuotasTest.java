package dev.squall.turn.server;

import static dev.squall.turn.server.FakeClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.net.MemoryHub;
import dev.squall.stun.StunClass;
import dev.squall.stun.StunMethod;
import dev.squall.stun.attribute.RequestedTransport;
import dev.squall.util.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Allocation quotas (486 Allocation Quota Reached), per user and in total, shared by shards. */
class TurnQuotasTest {

  @Test
  void theUserQuotaIs486AndAFreedAllocationMakesRoom() {
    TurnHarness h = new TurnHarness(TurnHarness.defaultConfig().withAllocationQuotas(2, 100));
    FakeClient a1 = h.client("198.51.100.10", 40001);
    FakeClient a2 = h.client("198.51.100.10", 40002);
    FakeClient a3 = h.client("198.51.100.10", 40003);
    FakeClient b = h.client("198.51.100.11", 40000).as("bob", "bob-pass");
    a1.allocated();
    a2.allocated();

    var refused = a3.allocate();

    assertThat(errorCode(refused)).isEqualTo(486);
    assertThat(refused.verifyMessageIntegrity(a3.key())).isTrue();
    assertThat(h.stats.refusals(TurnStats.REASON_QUOTA_USER)).isEqualTo(1);
    assertThat(b.allocate().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    a1.refresh(0);
    assertThat(a3.allocate().messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
  }

  @Test
  void theTotalQuotaIs486AcrossShards() {
    TurnHarness h = new TurnHarness(TurnHarness.defaultConfig().withAllocationQuotas(10, 2));
    VirtualScheduler other = new VirtualScheduler();
    TurnServer shard2 = h.shard(other, new MemoryHub(other));
    FakeClient a = h.client("198.51.100.10", 40001);
    FakeClient b = h.client("198.51.100.11", 40001).as("bob", "bob-pass");
    a.allocated();
    b.allocated();
    FakeClient c = h.client("198.51.100.12", 40001).as("bob", "bob-pass");
    c.allocate(); // learn a nonce on shard 1
    int before = c.received.size();

    shard2.handle(c, c.signed(StunMethod.ALLOCATE, new RequestedTransport(17)).encode());

    assertThat(c.received).hasSize(before + 1);
    assertThat(errorCode(c.last())).isEqualTo(486);
    assertThat(h.stats.refusals(TurnStats.REASON_QUOTA_TOTAL)).isEqualTo(2);
    assertThat(h.quotas.used()).isEqualTo(2);
  }

  @Test
  void concurrentAcquiresNeverExceedTheQuotas() throws InterruptedException {
    TurnQuotas quotas = new TurnQuotas(50, 120);
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger granted = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 1000; i++) {
                  if (quotas.tryAcquire("user" + (i % 3)) == TurnQuotas.Result.ACQUIRED) {
                    granted.incrementAndGet();
                  }
                }
              });
      w.start();
      workers.add(w);
    }
    start.countDown();
    for (Thread w : workers) {
      w.join();
    }

    assertThat(granted.get()).isEqualTo(120);
    assertThat(quotas.used()).isEqualTo(120);
    assertThat(quotas.usedBy("user0") + quotas.usedBy("user1") + quotas.usedBy("user2"))
        .isEqualTo(120);
    assertThat(quotas.usedBy("user0")).isLessThanOrEqualTo(50);
    quotas.release("user0");
    assertThat(quotas.used()).isEqualTo(119);
  }
}
