package dev.squall.datachannel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Message and byte counters of DataChannels, on a virtual network. */
class DataChannelCountersTest {

  @Test
  void countUserMessagesAndPayloadBytesBothWays() {
    Duo duo = new Duo(11).start();
    DataChannel a = duo.alice.createDataChannel("count", DataChannelInit.DEFAULT);
    assertThat(duo.runUntil(() -> !duo.bobIncoming.isEmpty())).isTrue();
    DataChannel b = duo.bobIncoming.get(0);
    List<DataChannelMessage> atBob = Duo.record(b);
    List<DataChannelMessage> atAlice = Duo.record(a);
    assertThat(duo.runUntil(() -> a.readyState() == DataChannelState.OPEN)).isTrue();
    assertThat(a.messagesSent()).as("DCEP is not counted").isZero();
    assertThat(b.messagesReceived()).isZero();

    a.send("héllo"); // 6 bytes of UTF-8
    a.send(new byte[1000]);
    a.send(""); // empty: one padding byte on the wire, 0 payload bytes
    a.send(new byte[0]);
    a.send(new byte[70_000]); // fragmented by SCTP, one message
    b.send("back");
    b.send(new byte[3]);
    long aliceBytes = "héllo".getBytes(StandardCharsets.UTF_8).length + 1000 + 70_000;
    assertThat(duo.runUntil(() -> atBob.size() == 5 && atAlice.size() == 2)).isTrue();

    assertThat(a.messagesSent()).isEqualTo(5);
    assertThat(a.bytesSent()).isEqualTo(aliceBytes);
    assertThat(b.messagesReceived()).isEqualTo(5);
    assertThat(b.bytesReceived()).isEqualTo(aliceBytes);
    assertThat(b.messagesSent()).isEqualTo(2);
    assertThat(b.bytesSent()).isEqualTo(7);
    assertThat(a.messagesReceived()).isEqualTo(2);
    assertThat(a.bytesReceived()).isEqualTo(7);
    assertThat(duo.alice.channels()).containsExactly(a);
    assertThat(duo.bob.channels()).containsExactly(b);
  }

  @Test
  void aClosedChannelLeavesTheListAndKeepsItsCounts() {
    Duo duo = new Duo(12).start();
    DataChannel a = duo.alice.createDataChannel("x", DataChannelInit.DEFAULT);
    DataChannel extra = duo.alice.createDataChannel("y", DataChannelInit.DEFAULT);
    assertThat(duo.runUntil(() -> duo.bobIncoming.size() == 2)).isTrue();
    assertThat(duo.alice.channels()).containsExactly(a, extra);
    a.send(new byte[10]);
    a.close();
    assertThat(duo.runUntil(() -> a.readyState() == DataChannelState.CLOSED)).isTrue();
    DataChannel b = duo.bobIncoming.get(0);
    assertThat(b.label()).isEqualTo("x");
    assertThat(a.messagesSent()).isEqualTo(1);
    assertThat(b.messagesReceived()).isEqualTo(1);
    assertThat(b.bytesReceived()).isEqualTo(10);
    assertThat(duo.alice.channels()).containsExactly(extra);
  }
}
