package dev.squall.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void smallValuesAreExactByNearestRank() {
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 1; i <= 100; i++) {
      h.record(i);
    }
    assertThat(h.count()).isEqualTo(100);
    assertThat(h.percentile(50)).isEqualTo(50);
    assertThat(h.percentile(99)).isEqualTo(99);
    assertThat(h.percentile(99.5)).isEqualTo(100);
    assertThat(h.percentile(100)).isEqualTo(100);
    assertThat(h.percentile(0.1)).isEqualTo(1);
    assertThat(h.min()).isEqualTo(1);
    assertThat(h.max()).isEqualTo(100);
    assertThat(h.mean()).isCloseTo(50.5, within(1e-9));
  }

  @Test
  void percentilesOfLargeValuesAreWithinOnePercentOfTheExactOnes() {
    Random random = new Random(42);
    long[] values = new long[100_000];
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 0; i < values.length; i++) {
      // log-normal-ish spread from microseconds to seconds
      values[i] = (long) Math.exp(7 + 8 * random.nextDouble() + random.nextGaussian());
      h.record(values[i]);
    }
    Arrays.sort(values);
    for (double p : new double[] {1, 25, 50, 90, 99, 99.9, 100}) {
      long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
      assertThat((double) h.percentile(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.01));
    }
    assertThat(h.max()).isEqualTo(values[values.length - 1]);
  }

  @Test
  void mergingEqualsRecordingIntoOne() {
    LatencyHistogram a = new LatencyHistogram();
    LatencyHistogram b = new LatencyHistogram();
    LatencyHistogram all = new LatencyHistogram();
    for (long v = 0; v < 50_000; v += 7) {
      (v % 2 == 0 ? a : b).record(v * 13);
      all.record(v * 13);
    }
    a.add(b);
    assertThat(a.count()).isEqualTo(all.count());
    assertThat(a.percentile(50)).isEqualTo(all.percentile(50));
    assertThat(a.percentile(99)).isEqualTo(all.percentile(99));
    assertThat(a.max()).isEqualTo(all.max());
    assertThat(a.min()).isEqualTo(all.min());
  }

  @Test
  void emptyAndResetHistogramsReportZero() {
    LatencyHistogram h = new LatencyHistogram();
    assertThat(h.percentile(99)).isZero();
    h.record(12345);
    h.reset();
    assertThat(h.count()).isZero();
    assertThat(h.percentile(50)).isZero();
    assertThat(h.max()).isZero();
    assertThatThrownBy(() -> h.percentile(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> h.percentile(100.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void everyValueLandsInABucketThatContainsIt(@ForAll @LongRange(min = 0) long v) {
    int index = LatencyHistogram.indexOf(v);
    assertThat(LatencyHistogram.lowestOf(index)).isLessThanOrEqualTo(v);
    if (index + 1 < LatencyHistogram.indexOf(Long.MAX_VALUE) + 1) {
      assertThat(LatencyHistogram.lowestOf(index + 1)).isGreaterThan(v);
    }
    long mid = LatencyHistogram.middleOf(index);
    assertThat(Math.abs((double) mid - v)).isLessThanOrEqualTo(Math.max(0, v / 128.0));
  }
}
