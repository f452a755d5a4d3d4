package dev.squall.bench.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatesTest {

  @Test
  void megabytesAreDecimal() {
    // 10^9 bytes in 20 s = 50 MB/s = 400 Mbit/s
    assertThat(Rates.megabytesPerSecond(1_000_000_000L, 20_000_000_000L)).isEqualTo(50.0);
    assertThat(Rates.megabitsPerSecond(1_000_000_000L, 20_000_000_000L)).isEqualTo(400.0);
    // 1 GiB in 1 s is 1073.74 MB/s, not 1024
    assertThat(Rates.megabytesPerSecond(1L << 30, 1_000_000_000L)).isCloseTo(1073.74, within(0.01));
  }

  @Test
  void cpuSecondsPerGigabyte() {
    // 3 CPU seconds for 64 MiB -> 44.7 s per 10^9 bytes
    assertThat(Rates.cpuSecondsPerGigabyte(3_000_000_000L, 64L << 20))
        .isCloseTo(44.70, within(0.01));
  }

  @Test
  void perSecondAndRatio() {
    assertThat(Rates.perSecond(200_000, 2_000_000_000L)).isEqualTo(100_000.0);
    assertThat(Rates.ratio(9, 36)).isEqualTo(0.25);
    assertThat(Rates.times(2.5)).isEqualTo("2.50×");
  }

  @Test
  void missingInputsGiveNaN() {
    assertThat(Rates.megabytesPerSecond(-1, 5)).isNaN();
    assertThat(Rates.megabytesPerSecond(5, 0)).isNaN();
    assertThat(Rates.cpuSecondsPerGigabyte(-1, 5)).isNaN();
    assertThat(Rates.perSecond(5, -3)).isNaN();
    assertThat(Rates.ratio(Double.NaN, 1)).isNaN();
    assertThat(Rates.ratio(1, 0)).isNaN();
    assertThat(Rates.times(Double.NaN)).isEqualTo("n/a");
  }
}
