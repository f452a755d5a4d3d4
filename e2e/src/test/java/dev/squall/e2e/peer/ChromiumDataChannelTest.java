package dev.squall.e2e.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.squall.datachannel.DataChannel;
import dev.squall.datachannel.DataChannelState;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.SignalingPeer;
import dev.squall.signal.client.SignalingClient;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DataChannels between the Java peer and headless Chromium (through a real in-process Squall
 * server, Java joining first and Chromium offering): bulk transfers both ways with {@code
 * bufferedAmountLowThreshold} backpressure and SHA-256 over the whole stream, an unordered
 * unreliable channel opened by Chromium, and channel closes seen by the other side. Throughput is
 * printed to stdout.
 */
class ChromiumDataChannelTest {

  private static final int CHUNK = 64 * 1024;
  private static final long JAVA_TO_CHROMIUM = 100L * 1024 * 1024;
  private static final long CHROMIUM_TO_JAVA = 10L * 1024 * 1024;
  private static final long HIGH_WATER = 1024 * 1024;
  private static final long LOW_THRESHOLD = 256 * 1024;

  private JavaPeerFixture fixture;
  private URI ws;
  private URI page;
  private SignalingClient client;
  private PeerConnection pc;

  @BeforeEach
  void start() throws Exception {
    fixture = JavaPeerFixture.start();
    ws = fixture.ws;
    page = fixture.page;
    client = fixture.client;
    pc = fixture.pc;
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void hundredMegabytesFromJavaWithBackpressureArriveIntact() throws Exception {
    DataChannel channel = pc.createDataChannel("sink-java");
    channel.setBufferedAmountLowThreshold(LOW_THRESHOLD);
    MessageDigest sent = MessageDigest.getInstance("SHA-256");
    SplittableRandom random = new SplittableRandom(42);
    long[] progress = new long[2]; // bytes sent, start nanos (callback executor only)
    AtomicInteger lowEvents = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch allQueued = new CountDownLatch(1);
    Runnable pump =
        () -> {
          try {
            while (progress[0] < JAVA_TO_CHROMIUM && channel.bufferedAmount() < HIGH_WATER) {
              byte[] chunk = new byte[(int) Math.min(CHUNK, JAVA_TO_CHROMIUM - progress[0])];
              random.nextBytes(chunk);
              sent.update(chunk);
              channel.send(chunk);
              progress[0] += chunk.length;
            }
            if (progress[0] == JAVA_TO_CHROMIUM && allQueued.getCount() > 0) {
              channel.send("end");
              allQueued.countDown();
            }
          } catch (RuntimeException e) {
            failure.set(e);
          }
        };
    channel.onOpen(
        () -> {
          progress[1] = System.nanoTime();
          pump.run();
        });
    channel.onBufferedAmountLow(
        () -> {
          lowEvents.incrementAndGet();
          pump.run();
        });

    try (PeerBrowser browser = connect("dc-bulk-java")) {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () -> {
                assertThat(failure.get()).isNull();
                assertThat(sink(browser, "sink-java")).containsEntry("error", null);
                assertThat(sink(browser, "sink-java").get("hex")).isNotNull();
              });
      long now = System.nanoTime();
      assertThat(allQueued.await(1, TimeUnit.SECONDS)).as("everything queued").isTrue();
      long elapsed = now - progress[1]; // written before allQueued.countDown()
      Map<String, Object> sink = sink(browser, "sink-java");
      assertThat(((Number) sink.get("bytes")).longValue()).isEqualTo(JAVA_TO_CHROMIUM);
      assertThat(((Number) sink.get("messages")).longValue()).isEqualTo(JAVA_TO_CHROMIUM / CHUNK);
      assertThat(sink.get("hex")).isEqualTo(HexFormat.of().formatHex(sent.digest()));
      assertThat(lowEvents.get()).as("onBufferedAmountLow fired").isPositive();
      double browserMs =
          ((Number) sink.get("last")).doubleValue() - ((Number) sink.get("first")).doubleValue();
      System.out.printf(
          "Java -> Chromium: %d MiB in %.2f s (open to verified; %.1f MB/s), first-to-last message"
              + " %.2f s in Chromium; %d bufferedamountlow events%n",
          JAVA_TO_CHROMIUM >> 20,
          elapsed / 1e9,
          JAVA_TO_CHROMIUM / (elapsed / 1e9) / 1e6,
          browserMs / 1e3,
          lowEvents.get());
    }
  }

  @Test
  void tenMegabytesFromChromiumWithBackpressureArriveIntact() throws Exception {
    MessageDigest received = MessageDigest.getInstance("SHA-256");
    long[] progress = new long[3]; // bytes, first nanos, last nanos (callback executor only)
    AtomicReference<String> digest = new AtomicReference<>();
    LinkedBlockingQueue<DataChannel> incoming = new LinkedBlockingQueue<>();
    pc.onDataChannel(
        ch -> {
          if (ch.label().equals("bulk-chromium")) {
            ch.onMessage(
                m -> {
                  if (m.text()) {
                    if (m.asText().equals("end")) {
                      digest.set(HexFormat.of().formatHex(received.digest()));
                    }
                    return;
                  }
                  long now = System.nanoTime();
                  if (progress[0] == 0) {
                    progress[1] = now;
                  }
                  progress[2] = now;
                  progress[0] += m.data().length;
                  received.update(m.data());
                });
            incoming.add(ch);
          }
        });

    try (PeerBrowser browser = connect("dc-bulk-chromium")) {
      browser.script(
          BrowserPeerScript.DC_SEND,
          "bulk-chromium",
          CHROMIUM_TO_JAVA,
          CHUNK,
          HIGH_WATER,
          LOW_THRESHOLD);
      DataChannel channel = incoming.poll(20, TimeUnit.SECONDS);
      assertThat(channel).as("Chromium's bulk channel announced").isNotNull();
      assertThat(channel.ordered()).isTrue();
      assertThat(channel.maxRetransmits()).isNull();
      await().atMost(Duration.ofSeconds(60)).until(() -> digest.get() != null);
      Map<String, Object> send = section(browser, "sends", "bulk-chromium");
      assertThat(send.get("error")).isNull();
      assertThat(((Number) send.get("sent")).longValue()).isEqualTo(CHROMIUM_TO_JAVA);
      assertThat(((Number) send.get("lowEvents")).longValue())
          .as("Chromium's bufferedamountlow fired")
          .isPositive();
      assertThat(progress[0]).isEqualTo(CHROMIUM_TO_JAVA);
      assertThat(digest.get()).isEqualTo(send.get("hex"));
      double seconds = (progress[2] - progress[1]) / 1e9;
      System.out.printf(
          "Chromium -> Java: %d MiB, first-to-last message %.2f s (%.1f MB/s)%n",
          CHROMIUM_TO_JAVA >> 20, seconds, CHROMIUM_TO_JAVA / seconds / 1e6);
    }
  }

  @Test
  void unorderedUnreliableChannelFromChromiumDeliversItsMessages() throws Exception {
    int count = 200;
    LinkedBlockingQueue<DataChannel> incoming = new LinkedBlockingQueue<>();
    ConcurrentLinkedQueue<String> texts = new ConcurrentLinkedQueue<>();
    pc.onDataChannel(
        ch -> {
          if (ch.label().equals("lossy")) {
            ch.onMessage(m -> texts.add(m.asText()));
            incoming.add(ch);
          }
        });

    try (PeerBrowser browser = connect("dc-lossy")) {
      browser.script(
          BrowserPeerScript.DC_OPEN, "lossy", Map.of("ordered", false, "maxRetransmits", 0), count);
      DataChannel channel = incoming.poll(20, TimeUnit.SECONDS);
      assertThat(channel).as("Chromium's unreliable channel announced").isNotNull();
      assertThat(channel.ordered()).isFalse();
      assertThat(channel.maxRetransmits()).isEqualTo(0);
      assertThat(channel.maxPacketLifeTime()).isNull();
      String[] expected = new String[count];
      for (int i = 0; i < count; i++) {
        expected[i] = "m-" + i;
      }
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(texts).containsExactlyInAnyOrder(expected));
    }
  }

  @Test
  void closesAreSeenByTheOtherSide() throws Exception {
    DataChannel fromJava = pc.createDataChannel("close-java");
    CountDownLatch javaOpen = new CountDownLatch(1);
    fromJava.onOpen(javaOpen::countDown);
    LinkedBlockingQueue<DataChannel> incoming = new LinkedBlockingQueue<>();
    CountDownLatch chromiumsClosed = new CountDownLatch(1);
    pc.onDataChannel(
        ch -> {
          if (ch.label().equals("close-chromium")) {
            ch.onClose(chromiumsClosed::countDown);
            incoming.add(ch);
          }
        });

    try (PeerBrowser browser = connect("dc-close")) {
      assertThat(javaOpen.await(20, TimeUnit.SECONDS)).as("Java's channel open").isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(section(browser, "closes", "close-java"))
                      .containsEntry("readyState", "open"));
      fromJava.close();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(section(browser, "closes", "close-java"))
                      .containsEntry("fired", true)
                      .containsEntry("readyState", "closed"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> fromJava.readyState() == DataChannelState.CLOSED);

      browser.script(BrowserPeerScript.DC_OPEN, "close-chromium", Map.of(), 0);
      DataChannel fromChromium = incoming.poll(20, TimeUnit.SECONDS);
      assertThat(fromChromium).as("Chromium's channel announced").isNotNull();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> fromChromium.readyState() == DataChannelState.OPEN);
      assertThat(chromiumsClosed.getCount()).isOne();
      browser.script(BrowserPeerScript.DC_CLOSE, "close-chromium");
      assertThat(chromiumsClosed.await(10, TimeUnit.SECONDS)).as("Java's onClose").isTrue();
      assertThat(fromChromium.readyState()).isEqualTo(DataChannelState.CLOSED);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(section(browser, "closes", "close-chromium"))
                      .containsEntry("fired", true)
                      .containsEntry("readyState", "closed"));
    }
  }

  /** Joins Java first, then lets Chromium (with the DataChannel helpers) join and offer. */
  private PeerBrowser connect(String room) throws Exception {
    SignalingPeer peer =
        SignalingPeer.join(client, room, "java", null, pc).get(10, TimeUnit.SECONDS);
    PeerBrowser browser = PeerBrowser.launch();
    try {
      browser.open(page.toString());
      assertThat(browser.script(BrowserPeerScript.DC_INSTALL)).isEqualTo(true);
      browser.script(BrowserPeerScript.START, ws.toString(), room);
      pc.connected().get(20, TimeUnit.SECONDS);
      assertThat(peer.failure()).isNotDone();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                Map<String, Object> st = state(browser);
                assertThat(st.get("error")).isNull();
                assertThat(st.get("ice")).isIn("connected", "completed");
                assertThat(st.get("dtls")).isEqualTo("connected");
              });
      return browser;
    } catch (Exception | AssertionError e) {
      browser.close();
      throw e;
    }
  }

  private static Map<String, Object> sink(PeerBrowser browser, String label) {
    return section(browser, "sinks", label);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(PeerBrowser browser, String key, String label) {
    Map<String, Object> dc = (Map<String, Object>) browser.script(BrowserPeerScript.DC_STATE);
    Map<String, Object> entries = (Map<String, Object>) dc.get(key);
    Object entry = entries.get(label);
    return entry == null ? Map.of() : (Map<String, Object>) entry;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> state(PeerBrowser browser) {
    return (Map<String, Object>) browser.script(BrowserPeerScript.STATE);
  }
}
