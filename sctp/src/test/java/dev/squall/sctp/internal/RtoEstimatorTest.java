package dev.squall.sctp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.sctp.SctpConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RtoEstimatorTest {

  private static long ms(long n) {
    return Duration.ofMillis(n).toNanos();
  }

  @Test
  void followsRfc9260Section631() {
    SctpConfig config =
        SctpConfig.builder()
            .rtoMin(Duration.ofMillis(10))
            .rtoInitial(Duration.ofSeconds(3))
            .build();
    RtoEstimator rto = new RtoEstimator(config);
    assertThat(rto.rto()).isEqualTo(ms(3000));
    rto.measure(ms(100)); // SRTT 100, RTTVAR 50, RTO 300
    assertThat(rto.srtt()).isEqualTo(ms(100));
    assertThat(rto.rto()).isEqualTo(ms(300));
    rto.measure(ms(200)); // RTTVAR 3/4*50 + 1/4*100 = 62.5; SRTT 7/8*100 + 1/8*200 = 112.5
    assertThat(rto.srtt()).isEqualTo(ms(112) + 500_000);
    assertThat(rto.rto()).isEqualTo(ms(112) + 500_000 + 4 * (ms(62) + 500_000));
  }

  @Test
  void clampsToMinAndMaxAndBacksOffByDoubling() {
    RtoEstimator rto = new RtoEstimator(SctpConfig.DEFAULT);
    rto.measure(ms(5));
    assertThat(rto.rto()).isEqualTo(ms(1000));
    for (long expected : new long[] {2000, 4000, 8000, 16000, 32000, 60000, 60000}) {
      rto.backOff();
      assertThat(rto.rto()).isEqualTo(ms(expected));
    }
    rto.measure(ms(40)); // a new sample recomputes from SRTT/RTTVAR
    assertThat(rto.rto()).isEqualTo(ms(1000));
  }
}
