package dev.squall.sctp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.vnet.DropReason;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Resetting more streams than one RE-CONFIG chunk can name within the path MTU (closing 1,000
 * DataChannels at once) splits the streams over several requests, each fitting one packet.
 */
class ManyStreamsResetTest {

  @Test
  void aThousandStreamsResetAtOnceFitThePathMtu() {
    Pair pair = new Pair(5, Pair.delay(20).withMtu(1200 + 28), SctpConfig.DEFAULT);
    pair.establish();
    int[] streams = IntStream.range(0, 1000).toArray();

    pair.alice.association.resetStreams(streams);

    assertThat(
            pair.runUntil(() -> total(pair.alice.outgoingResets) == 1000, Duration.ofSeconds(30)))
        .isTrue();
    assertThat(total(pair.bob.incomingResets)).isEqualTo(1000);
    assertThat(pair.topology.network().dropped(DropReason.MTU)).isZero();
    assertThat(pair.alice.outgoingResets.size()).isGreaterThan(1);
  }

  private static int total(List<int[]> resets) {
    return resets.stream().mapToInt(r -> r.length).sum();
  }
}
