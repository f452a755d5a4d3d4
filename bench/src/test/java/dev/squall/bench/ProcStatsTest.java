package dev.squall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

  @Test
  void parsesTheG1HeapLineOfGcHeapInfo() {
    String out =
        "1392:\n"
            + " garbage-first heap   total 397312K, used 18274K [0x0000000687400000, 0x0000000800000000)\n"
            + "  region size 4096K, 4 young (16384K), 0 survivors (0K)\n"
            + " Metaspace       used 8946K, committed 9088K, reserved 1114112K\n";
    assertThat(ProcStats.heapUsedBytes(out)).isEqualTo(18274L * 1024);
  }

  @Test
  void unknownOutputGivesMinusOne() {
    assertThat(ProcStats.heapUsedBytes("1392:\nAttachNotSupportedException\n")).isEqualTo(-1);
  }

  @Test
  void readsOwnCpuTimeAndRss() {
    long pid = ProcessHandle.current().pid();
    assertThat(ProcStats.cpuNanos(pid)).isPositive();
    assertThat(ProcStats.rssBytes(pid)).isGreaterThan(1024 * 1024);
  }

  @Test
  void userAndSystemTimeAddUpToTheTotal() {
    long pid = ProcessHandle.current().pid();
    long[] split = ProcStats.cpuUserSystemNanos(pid);
    long total = ProcStats.cpuNanos(pid);
    assertThat(split[0]).isPositive();
    assertThat(split[1]).isNotNegative();
    // read one after the other: the total can only have grown, by a few ticks at most
    assertThat(total).isBetween(split[0] + split[1], split[0] + split[1] + 1_000_000_000L);
    assertThat(ProcStats.cpuUserSystemNanos(-1)).containsExactly(-1, -1);
  }
}
