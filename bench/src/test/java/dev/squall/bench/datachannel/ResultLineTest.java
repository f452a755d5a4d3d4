package dev.squall.bench.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultLineTest {

  @Test
  void formatsAndParsesTheLastResultLine() {
    String log =
        "some log line\n"
            + ResultLine.format("bytes", 1, "nanos", 2)
            + "\r\nWARN noise\n"
            + ResultLine.format("bytes", 67108864, "nanos", 1475789584, "role", "recv")
            + "\nVM attach current thread failed\n";
    ResultLine r = ResultLine.find(log).orElseThrow();
    assertThat(r.number("bytes")).isEqualTo(67108864);
    assertThat(r.number("nanos")).isEqualTo(1475789584);
    assertThat(r.text("role")).isEqualTo("recv");
    assertThat(r.number("missing")).isEqualTo(-1);
    assertThat(r.number("role")).isEqualTo(-1);
  }

  @Test
  void absentWhenNoResultLine() {
    assertThat(ResultLine.find("RESULTS are elsewhere\nnothing")).isEmpty();
    assertThat(ResultLine.find("")).isEmpty();
  }

  @Test
  void keysAndValuesComeInPairs() {
    assertThatThrownBy(() -> ResultLine.format("lonely"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
