package dev.squall.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.datachannel.DataChannelInit;
import dev.squall.datachannel.DataChannelMessage;
import dev.squall.datachannel.DataChannelState;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * The DataChannel interop scenarios, the same for every foreign stack, run on a connected pair (the
 * Java peer's {@link JavaChannels} and a {@link ForeignPeer}). Each scenario throws {@link
 * AssertionError} on the first fact that does not hold and hands every fact that held to {@code
 * facts} as (key, detail); the keys are listed in {@link #FACTS}.
 */
public final class DataChannelScenarios {

  /** Every fact key the scenarios report, in order. */
  public static final List<String> FACTS =
      List.of(
          "open:java-channel",
          "messages:java-channel",
          "open:foreign-channel",
          "messages:foreign-channel",
          "bulk:java-to-foreign",
          "bulk:foreign-to-java",
          "unreliable:java-channel",
          "unreliable:foreign-channel",
          "close:by-java",
          "close:by-foreign");

  static final int CHUNK = 64 * 1024;
  static final long HIGH_WATER = 1024 * 1024;
  static final long LOW_THRESHOLD = 256 * 1024;
  static final int BURST = 200;
  private static final Duration STEP = Duration.ofSeconds(20);
  private static final Duration BULK = Duration.ofSeconds(45);

  private final JavaChannels java;
  private final ForeignPeer foreign;
  private final BiConsumer<String, String> facts;

  public DataChannelScenarios(
      JavaChannels java, ForeignPeer foreign, BiConsumer<String, String> facts) {
    this.java = java;
    this.foreign = foreign;
    this.facts = facts;
  }

  /**
   * A channel opened by each side, each carrying text, binary and empty messages of both kinds in
   * both directions, in order.
   */
  public void messagesBothWays() throws InterruptedException {
    JavaChannel mine = java.create("chat-java", DataChannelInit.DEFAULT);
    awaitLatch(mine.opened, "Java's chat-java open");
    foreign.events().await("open", "chat-java", STEP);
    assertThat(foreign.events().first("channel", "chat-java")).isPresent();
    facts.accept("open:java-channel", "chat-java opened by Java, announced and open in " + name());
    exchange(mine);
    facts.accept("messages:java-channel", "text, binary and empty messages both ways in order");

    foreign.open("chat-foreign", true, null);
    JavaChannel theirs = java.announced("chat-foreign", STEP);
    assertThat(theirs.channel.ordered()).isTrue();
    assertThat(theirs.channel.maxRetransmits()).isNull();
    assertThat(theirs.channel.maxPacketLifeTime()).isNull();
    awaitLatch(theirs.opened, "Java's onOpen for chat-foreign");
    foreign.events().await("open", "chat-foreign", STEP);
    facts.accept(
        "open:foreign-channel", "chat-foreign opened by " + name() + ", announced in Java");
    exchange(theirs);
    facts.accept("messages:foreign-channel", "text, binary and empty messages both ways in order");
  }

  private void exchange(JavaChannel ch) throws InterruptedException {
    String label = ch.channel.label();
    ch.channel.send("hello from java \u00e9\u6f22");
    ch.channel.send(new byte[] {0, 1, 2, (byte) 0xff});
    ch.channel.send("");
    ch.channel.send(new byte[0]);
    ch.channel.send("after the empty ones");
    List<String> expected =
        List.of(
            "text:hello from java \u00e9\u6f22",
            "binary:000102ff",
            "text:",
            "binary:",
            "text:after the empty ones");
    List<String> seen = awaitForeignMessages(label, expected.size());
    assertThat(seen).as("what %s received on %s", name(), label).isEqualTo(expected);

    foreign.sendText(label, "hello from " + name() + " \u00fc");
    foreign.sendBinary(label, new byte[] {9, 8, 7, (byte) 0x80});
    foreign.sendText(label, "");
    foreign.sendBinary(label, new byte[0]);
    foreign.sendText(label, "done");
    List<String> got = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      DataChannelMessage m = ch.messages.poll(STEP.toSeconds(), TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("Java received only " + got + " on " + label);
      }
      got.add(m.text() ? "text:" + m.asText() : "binary:" + HexFormat.of().formatHex(m.data()));
    }
    assertThat(got)
        .as("what Java received on %s", label)
        .containsExactly(
            "text:hello from " + name() + " \u00fc",
            "binary:09080780",
            "text:",
            "binary:",
            "text:done");
  }

  private List<String> awaitForeignMessages(String label, int count) {
    foreign
        .events()
        .await(
            e -> messageCount(label) >= count,
            count + " messages on " + label + " in " + name(),
            STEP);
    return foreign.events().matching(e -> label.equals(e.label()) && isMessage(e)).stream()
        .map(e -> e.kind() + ":" + (e.kind().equals("text") ? e.string("text") : e.string("hex")))
        .toList();
  }

  private long messageCount(String label) {
    return foreign.events().matching(e -> label.equals(e.label()) && isMessage(e)).size();
  }

  private static boolean isMessage(ForeignEvent e) {
    return e.kind().equals("text") || e.kind().equals("binary");
  }

  /**
   * {@code bytes} random bytes from Java to the foreign peer in 64 KiB messages, paced by {@code
   * bufferedAmountLow}; the foreign SHA-256 must match.
   */
  public void bulkJavaToForeign(long bytes) throws Exception {
    JavaChannel sink = java.create("sink-java", DataChannelInit.DEFAULT);
    sink.channel.setBufferedAmountLowThreshold(LOW_THRESHOLD);
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    SplittableRandom random = new SplittableRandom(42);
    long[] progress = new long[2]; // bytes queued, start nanos (callback thread only)
    AtomicInteger lowEvents = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch allQueued = new CountDownLatch(1);
    Runnable pump =
        () -> {
          try {
            while (progress[0] < bytes && sink.channel.bufferedAmount() < HIGH_WATER) {
              byte[] chunk = new byte[(int) Math.min(CHUNK, bytes - progress[0])];
              random.nextBytes(chunk);
              sent.update(chunk);
              sink.channel.send(chunk);
              progress[0] += chunk.length;
            }
            if (progress[0] == bytes && allQueued.getCount() > 0) {
              sink.channel.send("end");
              allQueued.countDown();
            }
          } catch (RuntimeException e) {
            failure.set(e);
          }
        };
    sink.channel.onBufferedAmountLow(
        () -> {
          lowEvents.incrementAndGet();
          pump.run();
        });
    // listeners run in order on one thread: this runs after the recorder's open latch
    sink.channel.onOpen(
        () -> {
          progress[1] = System.nanoTime();
          pump.run();
        });
    ForeignEvent result;
    try {
      result =
          foreign
              .events()
              .await(
                  e -> e.is("sink", "sink-java") || failure.get() != null,
                  "the sink result of sink-java",
                  BULK);
    } catch (AssertionError e) {
      throw new AssertionError(
          String.format(
              "%s%nJava side: %s, open fired %s, %s bytes queued, bufferedAmount %d,"
                  + " %d onBufferedAmountLow events; SCTP %s",
              e.getMessage(),
              sink,
              sink.opened.getCount() == 0,
              bytesQueued(allQueued, bytes),
              sink.channel.bufferedAmount(),
              lowEvents.get(),
              sctpStats()),
          e);
    }
    assertThat(failure.get()).isNull();
    long elapsed = System.nanoTime() - progress[1];
    assertThat(allQueued.await(1, TimeUnit.SECONDS)).as("everything queued").isTrue();
    assertThat(result.number("bytes")).isEqualTo(bytes);
    assertThat(result.number("messages")).isEqualTo((bytes + CHUNK - 1) / CHUNK);
    assertThat(result.string("hex")).isEqualTo(HexFormat.of().formatHex(sent.digest()));
    assertThat(lowEvents.get()).as("Java's onBufferedAmountLow fired").isPositive();
    facts.accept(
        "bulk:java-to-foreign",
        String.format(
            "%d MiB Java -> %s, SHA-256 equal, %d bufferedAmountLow events, %.1f MB/s",
            bytes >> 20, name(), lowEvents.get(), bytes / (elapsed / 1e9) / 1e6));
    sink.channel.close();
  }

  /** {@code bytes} random bytes from the foreign peer to Java; the Java SHA-256 must match. */
  public void bulkForeignToJava(long bytes) throws Exception {
    long start = System.nanoTime();
    foreign.bulk("sink-foreign", bytes, CHUNK, HIGH_WATER, LOW_THRESHOLD);
    JavaChannel sink = java.announced("sink-foreign", STEP);
    assertThat(sink.channel.ordered()).isTrue();
    assertThat(sink.channel.maxRetransmits()).isNull();
    ForeignEvent sent;
    try {
      sent = foreign.events().await("sent", "sink-foreign", BULK);
      awaitLatch(sink.sinkEnded, BULK, "the end of sink-foreign in Java");
    } catch (AssertionError e) {
      throw new AssertionError(
          String.format(
              "%s%nJava side: %s received %d bytes in %d messages; SCTP %s%n%s side: %s",
              e.getMessage(),
              sink,
              sink.sinkBytes.get(),
              sink.sinkMessages.get(),
              sctpStats(),
              name(),
              foreign.diagnostics()),
          e);
    }
    long elapsed = System.nanoTime() - start;
    assertThat(sent.number("bytes")).isEqualTo(bytes);
    assertThat(sink.sinkBytes.get()).isEqualTo(bytes);
    assertThat(sink.sinkMessages.get()).isEqualTo(sent.number("messages"));
    assertThat(sink.sinkHex.get()).isEqualTo(sent.string("hex"));
    facts.accept(
        "bulk:foreign-to-java",
        String.format(
            "%d MiB %s -> Java, SHA-256 equal, %d low-buffer refills in %s, %.1f MB/s",
            bytes >> 20, name(), sent.number("lowEvents"), name(), bytes / (elapsed / 1e9) / 1e6));
  }

  /** An unordered channel with maxRetransmits 0 opened by each side, carrying a burst each way. */
  public void unorderedUnreliable() throws InterruptedException {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      expected.add("text:m-" + i);
    }
    DataChannelInit lossy = DataChannelInit.DEFAULT.withOrdered(false).withMaxRetransmits(0);
    JavaChannel mine = java.create("lossy-java", lossy);
    awaitLatch(mine.opened, "Java's lossy-java open");
    ForeignEvent announced = foreign.events().await("channel", "lossy-java", STEP);
    if (announced.fields().containsKey("ordered")) {
      assertThat(announced.fields()).containsEntry("ordered", false);
      assertThat(announced.number("maxRetransmits")).isZero();
    }
    foreign.events().await("open", "lossy-java", STEP);
    for (int i = 0; i < BURST; i++) {
      mine.channel.send("m-" + i);
    }
    assertThat(awaitForeignMessages("lossy-java", BURST))
        .containsExactlyInAnyOrderElementsOf(expected);
    facts.accept(
        "unreliable:java-channel",
        BURST + " messages on Java's unordered maxRetransmits=0 channel reached " + name());

    foreign.open("lossy-foreign", false, 0);
    JavaChannel theirs = java.announced("lossy-foreign", STEP);
    assertThat(theirs.channel.ordered()).isFalse();
    assertThat(theirs.channel.maxRetransmits()).isEqualTo(0);
    assertThat(theirs.channel.maxPacketLifeTime()).isNull();
    foreign.burst("lossy-foreign", BURST);
    List<String> got = new ArrayList<>();
    while (got.size() < BURST) {
      DataChannelMessage m = theirs.messages.poll(STEP.toSeconds(), TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("Java received only " + got.size() + " of " + BURST);
      }
      got.add("text:" + m.asText());
    }
    assertThat(got).containsExactlyInAnyOrderElementsOf(expected);
    facts.accept(
        "unreliable:foreign-channel",
        BURST + " messages on " + name() + "'s unordered maxRetransmits=0 channel reached Java");
  }

  /** A channel closed by Java, then one closed by the foreign peer; both sides see each close. */
  public void closes() throws InterruptedException {
    JavaChannel mine = java.create("close-java", DataChannelInit.DEFAULT);
    awaitLatch(mine.opened, "Java's close-java open");
    foreign.events().await("open", "close-java", STEP);
    mine.channel.close();
    foreign.events().await("closed", "close-java", STEP);
    awaitLatch(mine.closed, "Java's onClose for close-java");
    assertThat(mine.channel.readyState()).isEqualTo(DataChannelState.CLOSED);
    facts.accept("close:by-java", "Java closed close-java; " + name() + " and Java saw it closed");

    foreign.open("close-foreign", true, null);
    JavaChannel theirs = java.announced("close-foreign", STEP);
    awaitLatch(theirs.opened, "Java's onOpen for close-foreign");
    foreign.events().await("open", "close-foreign", STEP);
    assertThat(theirs.closed.getCount()).isOne();
    foreign.close("close-foreign");
    awaitLatch(theirs.closed, "Java's onClose for close-foreign");
    assertThat(theirs.channel.readyState()).isEqualTo(DataChannelState.CLOSED);
    foreign.events().await("closed", "close-foreign", STEP);
    facts.accept(
        "close:by-foreign",
        name() + " closed close-foreign; Java and " + name() + " saw it closed");
  }

  /** The Java side's SCTP association, for failure messages. */
  private String sctpStats() {
    try {
      return java.connection()
          .getStats()
          .get(5, TimeUnit.SECONDS)
          .sctpTransport()
          .map(Object::toString)
          .orElse("not started");
    } catch (Exception e) {
      return "unavailable: " + e;
    }
  }

  private static String bytesQueued(CountDownLatch allQueued, long bytes) {
    return allQueued.getCount() == 0 ? String.valueOf(bytes) : "fewer than " + bytes;
  }

  private String name() {
    return foreign.name();
  }

  private static void awaitLatch(CountDownLatch latch, String what) throws InterruptedException {
    awaitLatch(latch, STEP, what);
  }

  private static void awaitLatch(CountDownLatch latch, Duration timeout, String what)
      throws InterruptedException {
    if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("timed out after " + timeout + " waiting for " + what);
    }
  }
}
