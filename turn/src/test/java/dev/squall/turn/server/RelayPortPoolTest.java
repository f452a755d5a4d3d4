package dev.squall.turn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RelayPortPoolTest {

  @Test
  void everyPortOfTheRangeIsHandedOutOnceThenNoneUntilOneIsReleased() {
    RelayPortPool pool = new RelayPortPool(50000, 50099);
    Random random = new Random(1);
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      int port = pool.take(random);
      assertThat(port).isBetween(50000, 50099);
      assertThat(seen.add(port)).as("port %d handed out twice", port).isTrue();
    }
    assertThat(pool.inUse()).isEqualTo(100);
    assertThat(pool.take(random)).isEqualTo(-1);
    pool.release(50042);
    assertThat(pool.take(random)).isEqualTo(50042);
  }

  @Test
  void portsAreSpreadOverTheRangeNotHandedOutInOrder() {
    RelayPortPool pool = new RelayPortPool(49152, 65535);
    Random random = new Random(2);
    int first = pool.take(random);
    int second = pool.take(random);
    assertThat(Math.abs(second - first)).isGreaterThan(1);
  }

  @Test
  void evenPortsAndPairsSkipTakenPorts() {
    RelayPortPool pool = new RelayPortPool(50000, 50003);
    Random random = new Random(3);
    assertThat(pool.takeEven(random, true)).isIn(50000, 50002);
    int second = pool.takeEven(random, true);
    assertThat(second).isIn(50000, 50002);
    assertThat(pool.inUse()).isEqualTo(4);
    assertThat(pool.takeEven(random, false)).isEqualTo(-1);
    pool.release(50001);
    // 50000 is still held: no free even port, although 50001 is free
    assertThat(pool.takeEven(random, false)).isEqualTo(-1);
    assertThat(pool.take(random)).isEqualTo(50001);
  }

  @Test
  void releasingAFreeOrForeignPortChangesNothing() {
    RelayPortPool pool = new RelayPortPool(50000, 50001);
    pool.release(50000);
    pool.release(80);
    assertThat(pool.inUse()).isZero();
  }

  @Test
  void badRangesAreRefused() {
    assertThatThrownBy(() -> new RelayPortPool(50001, 50000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RelayPortPool(0, 10)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shardsTakingAtOnceNeverGetTheSamePort() throws Exception {
    RelayPortPool pool = new RelayPortPool(40000, 40999);
    Set<Integer> all = ConcurrentHashMap.newKeySet();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] done = new Future<?>[4];
      for (int t = 0; t < 4; t++) {
        int seed = t;
        done[t] =
            threads.submit(
                () -> {
                  Random random = new Random(seed);
                  for (int i = 0; i < 250; i++) {
                    assertThat(all.add(pool.take(random))).isTrue();
                  }
                });
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(all).hasSize(1000).allMatch(p -> p >= 40000 && p <= 40999);
  }
}
