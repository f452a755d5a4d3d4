package dev.squall.datachannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.squall.testkit.Payloads;
import dev.squall.vnet.LinkConditions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two managers over SCTP on a virtual network. */
class DataChannelManagerTest {

  @Test
  void channelsOpenBothWaysWithAck() {
    Duo duo = new Duo(1);
    DataChannel a2b = duo.alice.createDataChannel("a2b", DataChannelInit.DEFAULT);
    DataChannel b2a =
        duo.bob.createDataChannel("b2a", DataChannelInit.DEFAULT.withProtocol("proto"));
    AtomicInteger opens = new AtomicInteger();
    a2b.onOpen(opens::incrementAndGet);
    assertThat(a2b.id()).isEqualTo(-1);
    assertThat(a2b.readyState()).isEqualTo(DataChannelState.CONNECTING);
    duo.start();
    assertThat(a2b.id()).as("DTLS client: even").isEqualTo(0);
    assertThat(b2a.id()).as("DTLS server: odd").isEqualTo(1);
    assertThat(duo.runUntil(() -> duo.bobIncoming.size() == 1 && duo.aliceIncoming.size() == 1))
        .isTrue();
    assertThat(duo.runUntil(() -> a2b.acked && b2a.acked)).isTrue();
    DataChannel atBob = duo.bobIncoming.get(0);
    DataChannel atAlice = duo.aliceIncoming.get(0);
    assertThat(atBob.label()).isEqualTo("a2b");
    assertThat(atBob.id()).isZero();
    assertThat(atBob.readyState()).isEqualTo(DataChannelState.OPEN);
    assertThat(atAlice.label()).isEqualTo("b2a");
    assertThat(atAlice.protocol()).isEqualTo("proto");
    assertThat(atAlice.id()).isEqualTo(1);
    assertThat(a2b.readyState()).isEqualTo(DataChannelState.OPEN);
    assertThat(opens).hasValue(1);
  }

  @Test
  void stringBinaryAndEmptyMessagesBothWays() {
    Duo duo = new Duo(2).start();
    DataChannel a = duo.alice.createDataChannel("m", DataChannelInit.DEFAULT);
    assertThat(duo.runUntil(() -> !duo.bobIncoming.isEmpty())).isTrue();
    DataChannel b = duo.bobIncoming.get(0);
    List<DataChannelMessage> atBob = Duo.record(b);
    List<DataChannelMessage> atAlice = Duo.record(a);
    a.send("héllo");
    a.send(new byte[] {1, 2, 3});
    a.send("");
    a.send(new byte[0]);
    b.send("back");
    b.send(new byte[] {9});
    b.send("");
    assertThat(duo.runUntil(() -> atBob.size() == 4 && atAlice.size() == 3)).isTrue();
    assertThat(atBob.get(0).text()).isTrue();
    assertThat(atBob.get(0).asText()).isEqualTo("héllo");
    assertThat(atBob.get(1).text()).isFalse();
    assertThat(atBob.get(1).data()).containsExactly(1, 2, 3);
    assertThat(atBob.get(2).text()).isTrue();
    assertThat(atBob.get(2).data()).isEmpty();
    assertThat(atBob.get(3).text()).isFalse();
    assertThat(atBob.get(3).data()).isEmpty();
    assertThat(atAlice.get(0).asText()).isEqualTo("back");
    assertThat(atAlice.get(1).data()).containsExactly(9);
    assertThat(atAlice.get(2).text()).isTrue();
    assertThat(atAlice.get(2).data()).isEmpty();
  }

  @Test
  void sendIsRefusedBeforeOpenAndAboveThePeersLimit() {
    Duo duo = new Duo(3);
    DataChannel a = duo.alice.createDataChannel("x", DataChannelInit.DEFAULT);
    assertThatThrownBy(() -> a.send("early")).isInstanceOf(IllegalStateException.class);
    duo.start();
    assertThat(duo.runUntil(() -> a.readyState() == DataChannelState.OPEN)).isTrue();
    assertThatThrownBy(() -> a.send(new byte[262145])).isInstanceOf(IllegalArgumentException.class);
    a.send(new byte[262144]);
  }

  @Test
  void unorderedLimitedChannelDropsOnlyUnderLossWhileReliableOneDeliversAll() {
    Duo duo = new Duo(4, LinkConditions.PERFECT.withDelay(Duration.ofMillis(20)).withLoss(0.1));
    duo.start();
    DataChannel lossy =
        duo.alice.createDataChannel(
            "lossy", DataChannelInit.DEFAULT.withOrdered(false).withMaxRetransmits(0));
    DataChannel reliable = duo.alice.createDataChannel("reliable", DataChannelInit.DEFAULT);
    assertThat(duo.runUntil(() -> duo.bobIncoming.size() == 2)).isTrue();
    DataChannel bLossy =
        duo.bobIncoming.stream().filter(c -> c.label().equals("lossy")).findFirst().get();
    DataChannel bReliable =
        duo.bobIncoming.stream().filter(c -> c.label().equals("reliable")).findFirst().get();
    assertThat(bLossy.ordered()).isFalse();
    assertThat(bLossy.maxRetransmits()).isZero();
    assertThat(duo.runUntil(() -> lossy.acked)).isTrue();
    List<DataChannelMessage> gotLossy = Duo.record(bLossy);
    List<DataChannelMessage> gotReliable = Duo.record(bReliable);
    int n = 300;
    for (int i = 0; i < n; i++) {
      lossy.send(Payloads.numbered(i, 500));
      reliable.send(Payloads.numbered(i, 500));
    }
    assertThat(duo.runUntil(() -> gotReliable.size() == n)).isTrue();
    duo.scheduler.runFor(Duration.ofSeconds(5));
    assertThat(gotReliable.stream().map(m -> Payloads.sequenceOf(m.data())).toList())
        .isEqualTo(java.util.stream.IntStream.range(0, n).boxed().toList());
    List<Integer> lossySeqs = gotLossy.stream().map(m -> Payloads.sequenceOf(m.data())).toList();
    assertThat(gotLossy).allMatch(m -> Payloads.verify(m.data()));
    assertThat(new HashSet<>(lossySeqs)).hasSize(lossySeqs.size());
    assertThat(lossySeqs.size()).as("about 10% lost, never retransmitted").isBetween(200, n - 5);
    assertThat(lossy.bufferedAmount()).isZero();
  }

  @Test
  void negotiatedChannelsNeedNoDcep() {
    Duo duo = new Duo(5).start();
    DataChannel a = duo.alice.createDataChannel("neg", DataChannelInit.DEFAULT.withNegotiatedId(7));
    DataChannel b = duo.bob.createDataChannel("neg", DataChannelInit.DEFAULT.withNegotiatedId(7));
    assertThat(a.id()).isEqualTo(7);
    assertThatThrownBy(
            () -> duo.alice.createDataChannel("dup", DataChannelInit.DEFAULT.withNegotiatedId(7)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            duo.runUntil(
                () ->
                    a.readyState() == DataChannelState.OPEN
                        && b.readyState() == DataChannelState.OPEN))
        .isTrue();
    List<DataChannelMessage> atB = Duo.record(b);
    a.send("over 7");
    assertThat(duo.runUntil(() -> atB.size() == 1)).isTrue();
    assertThat(atB.get(0).asText()).isEqualTo("over 7");
    assertThat(duo.bobIncoming).isEmpty();
    assertThat(duo.aliceIncoming).isEmpty();
    assertThat(b.negotiated()).isTrue();
  }

  @Test
  void closeIsSeenOnBothSidesAndTheIdIsReused() {
    Duo duo = new Duo(6).start();
    DataChannel a = duo.alice.createDataChannel("c", DataChannelInit.DEFAULT);
    assertThat(duo.runUntil(() -> !duo.bobIncoming.isEmpty())).isTrue();
    DataChannel b = duo.bobIncoming.get(0);
    List<DataChannelMessage> atB = Duo.record(b);
    AtomicInteger closes = new AtomicInteger();
    a.onClose(closes::incrementAndGet);
    b.onClose(closes::incrementAndGet);
    a.send("last words");
    a.close();
    assertThat(a.readyState()).isEqualTo(DataChannelState.CLOSING);
    assertThat(duo.runUntil(() -> closes.get() == 2)).isTrue();
    assertThat(atB).extracting(DataChannelMessage::asText).containsExactly("last words");
    assertThat(a.readyState()).isEqualTo(DataChannelState.CLOSED);
    assertThat(b.readyState()).isEqualTo(DataChannelState.CLOSED);
    assertThatThrownBy(() -> a.send("late")).isInstanceOf(IllegalStateException.class);
    DataChannel again = duo.alice.createDataChannel("again", DataChannelInit.DEFAULT);
    assertThat(again.id()).isZero();
    assertThat(duo.runUntil(() -> duo.bobIncoming.size() == 2)).isTrue();
    List<DataChannelMessage> atB2 = Duo.record(duo.bobIncoming.get(1));
    again.send("fresh");
    assertThat(duo.runUntil(() -> atB2.size() == 1)).isTrue();
  }

  @Test
  void bufferedAmountLowFires() {
    Duo duo = new Duo(7).start();
    DataChannel a = duo.alice.createDataChannel("buf", DataChannelInit.DEFAULT);
    assertThat(duo.runUntil(() -> a.acked && a.bufferedAmount() == 0)).isTrue();
    duo.scheduler.runPending(); // the DCEP OPEN's own low event
    a.setBufferedAmountLowThreshold(20_000);
    AtomicInteger lows = new AtomicInteger();
    List<Long> amountAtLow = new ArrayList<>();
    a.onBufferedAmountLow(
        () -> {
          lows.incrementAndGet();
          amountAtLow.add(a.bufferedAmount());
        });
    for (int i = 0; i < 40; i++) {
      a.send(new byte[5000]);
    }
    assertThat(a.bufferedAmount()).isEqualTo(200_000);
    assertThat(duo.runUntil(() -> lows.get() >= 1)).isTrue();
    assertThat(amountAtLow.get(0)).isLessThanOrEqualTo(20_000);
    assertThat(duo.runUntil(() -> a.bufferedAmount() == 0)).isTrue();
  }

  @Test
  void aThousandChannelsOpenAndClose() {
    Duo duo = new Duo(8).start();
    List<DataChannel> mine = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      mine.add(duo.alice.createDataChannel("ch" + i, DataChannelInit.DEFAULT));
    }
    assertThat(duo.runUntil(() -> duo.bobIncoming.size() == 1000)).isTrue();
    assertThat(duo.bobIncoming).extracting(DataChannel::id).doesNotHaveDuplicates();
    assertThat(duo.runUntil(() -> mine.stream().allMatch(c -> c.acked))).isTrue();
    mine.forEach(DataChannel::close);
    assertThat(
            duo.runUntil(
                () ->
                    duo.bobIncoming.stream()
                            .allMatch(c -> c.readyState() == DataChannelState.CLOSED)
                        && mine.stream().allMatch(c -> c.readyState() == DataChannelState.CLOSED)))
        .isTrue();
    assertThat(duo.alice.channelCount()).isZero();
    assertThat(duo.bob.channelCount()).isZero();
  }
}
