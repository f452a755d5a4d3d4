package dev.squall.dtls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.dtls.Harness.Direction;
import dev.squall.dtls.Harness.Seen;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Lost flights are recovered by BouncyCastle's retransmission timer (RFC 6347 section 4.2.4:
 * initial 1 s, doubling). Each test drops one flight's first transmission and checks that the
 * retransmission arrived about one timer period later.
 */
class HandshakeLossTest {

  private static final DtlsConfig CONFIG = DtlsConfig.defaults();

  @Test
  void firstClientHelloLost() throws Exception {
    Harness.DropFilter dropFirstHello =
        (dir, i, b) -> dir == Direction.TO_SERVER && i == 1 && Records.handshakeType(b) == 1;
    try (Harness h = new Harness(CONFIG, CONFIG, dropFirstHello).connect(20)) {
      List<Seen> hellos =
          h.seen(Direction.TO_SERVER, b -> Records.handshakeType(b) == Records.CLIENT_HELLO);
      assertThat(hellos).hasSize(2);
      assertThat(hellos.get(0).dropped()).isTrue();
      assertRetransmittedAboutOneSecondLater(hellos.get(0), hellos);
      assertDataFlows(h);
    }
  }

  @Test
  void serversFirstFlightLost() throws Exception {
    boolean[] flightDone = {false};
    Harness.DropFilter dropServerFlight =
        (dir, i, b) -> {
          if (dir != Direction.TO_CLIENT || flightDone[0]) {
            return false;
          }
          flightDone[0] = Records.containsHandshake(b, Records.SERVER_HELLO_DONE);
          return true;
        };
    try (Harness h = new Harness(CONFIG, CONFIG, dropServerFlight).connect(20)) {
      List<Seen> serverHellos =
          h.seen(Direction.TO_CLIENT, b -> Records.handshakeType(b) == Records.SERVER_HELLO);
      assertThat(serverHellos).hasSizeGreaterThanOrEqualTo(2);
      assertThat(serverHellos.get(0).dropped()).isTrue();
      assertThat(serverHellos.get(1).dropped()).isFalse();
      // armed by the client's ClientHello timer or the server's flight timer, whichever fires first
      Seen firstHello =
          h.seen(Direction.TO_SERVER, b -> Records.handshakeType(b) == Records.CLIENT_HELLO).get(0);
      assertRetransmittedAboutOneSecondLater(firstHello, serverHellos);
      assertDataFlows(h);
    }
  }

  @Test
  void clientsFinishedFlightLost() throws Exception {
    int[] dropped = {0};
    Harness.DropFilter dropFirstFinished =
        (dir, i, b) -> {
          if (dir == Direction.TO_SERVER && Records.isFinished(b) && dropped[0] == 0) {
            dropped[0]++;
            return true;
          }
          return false;
        };
    try (Harness h = new Harness(CONFIG, CONFIG, dropFirstFinished).connect(20)) {
      List<Seen> finished = h.seen(Direction.TO_SERVER, Records::isFinished);
      assertThat(finished).hasSizeGreaterThanOrEqualTo(2);
      assertThat(finished.get(0).dropped()).isTrue();
      // armed by the server's flight timer or the client's, whichever fires first
      Seen serverFlightEnd =
          h.seen(Direction.TO_CLIENT, b -> Records.containsHandshake(b, Records.SERVER_HELLO_DONE))
              .get(0);
      assertRetransmittedAboutOneSecondLater(serverFlightEnd, finished);
      assertDataFlows(h);
    }
  }

  @Test
  void completesUnderTwentyPercentSeededRandomLossBothWays() throws Exception {
    // a 100 ms first timer keeps the doubling back-off short enough for a unit test
    DtlsConfig fast = CONFIG.withInitialRetransmit(Duration.ofMillis(100));
    // a packed handshake is four datagrams: these seeds lose the server's first flight (the
    // first draw towards the client is 0.02) and then the second datagram to the server (0.11)
    Random toServer = new Random(74);
    Random toClient = new Random(586007);
    boolean[] lossy = {true};
    Harness.DropFilter loss =
        (dir, i, b) ->
            lossy[0] && (dir == Direction.TO_SERVER ? toServer : toClient).nextDouble() < 0.2;
    try (Harness h = new Harness(fast, fast, loss).connect(20)) {
      assertThat(h.seen).anyMatch(Seen::dropped);
      h.onLoop(() -> lossy[0] = false);
      assertDataFlows(h);
    }
  }

  /**
   * The retransmission (second copy) came about one initial timer period (1 s) after {@code armed},
   * the earliest moment a retransmission timer that could have triggered it started, and well
   * before a second, doubled period would have passed since the lost copy.
   */
  private static void assertRetransmittedAboutOneSecondLater(Seen armed, List<Seen> copies) {
    Duration sinceArmed = Duration.ofNanos(copies.get(1).nanos() - armed.nanos());
    Duration sinceLost = Duration.ofNanos(copies.get(1).nanos() - copies.get(0).nanos());
    assertThat(sinceArmed).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(sinceLost).isLessThan(Duration.ofMillis(2500));
  }

  private static void assertDataFlows(Harness h) throws Exception {
    h.client.send("after loss".getBytes(UTF_8));
    h.server.send("back".getBytes(UTF_8));
    assertThat(h.serverEvents.data.poll(10, TimeUnit.SECONDS))
        .isEqualTo("after loss".getBytes(UTF_8));
    assertThat(h.clientEvents.data.poll(10, TimeUnit.SECONDS)).isEqualTo("back".getBytes(UTF_8));
  }
}
