package dev.squall.dtls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.squall.dtls.Harness.Direction;
import dev.squall.dtls.Harness.Seen;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How the handshake's flights go on the wire: packed (RFC 6347 section 4.1.1 lets a datagram carry
 * several records), held by a prepared transport until it starts, and checked by the peer.
 */
class FlightsTest {

  private static final DtlsConfig CONFIG = DtlsConfig.defaults();

  @Test
  void eachFlightTravelsPackedIntoOneDatagram() throws Exception {
    // a long first timer: no retransmission on a slow machine either
    DtlsConfig patient = CONFIG.withInitialRetransmit(Duration.ofSeconds(10));
    try (Harness h = new Harness(patient, patient, (d, i, b) -> false).connect(20)) {
      List<Seen> toServer = h.seen(Direction.TO_SERVER, b -> true);
      List<Seen> toClient = h.seen(Direction.TO_CLIENT, b -> true);
      // ClientHello; Certificate .. Finished
      assertThat(toServer).hasSize(2);
      assertThat(Records.handshakeType(toServer.get(0).datagram())).isEqualTo(Records.CLIENT_HELLO);
      byte[] clientFlight = toServer.get(1).datagram();
      assertThat(Records.containsHandshake(clientFlight, Records.CERTIFICATE)).isTrue();
      assertThat(Records.containsHandshake(clientFlight, Records.CLIENT_KEY_EXCHANGE)).isTrue();
      assertThat(Records.containsHandshake(clientFlight, Records.CERTIFICATE_VERIFY)).isTrue();
      assertThat(Records.containsType(clientFlight, Records.CHANGE_CIPHER_SPEC)).isTrue();
      assertThat(Records.recordCount(clientFlight)).isEqualTo(5); // and the encrypted Finished
      // ServerHello .. ServerHelloDone; ChangeCipherSpec and Finished
      assertThat(toClient).hasSize(2);
      byte[] serverFlight = toClient.get(0).datagram();
      for (int type :
          new int[] {
            Records.SERVER_HELLO,
            Records.CERTIFICATE,
            Records.SERVER_KEY_EXCHANGE,
            Records.CERTIFICATE_REQUEST,
            Records.SERVER_HELLO_DONE
          }) {
        assertThat(Records.containsHandshake(serverFlight, type)).as("type %d", type).isTrue();
      }
      assertThat(Records.recordCount(toClient.get(1).datagram())).isEqualTo(2);
      assertThat(toServer.get(1).datagram().length).isLessThanOrEqualTo(CONFIG.mtu());
      assertThat(serverFlight.length).isLessThanOrEqualTo(CONFIG.mtu());
    }
  }

  @Test
  void aPreparedHandshakeSendsNothingBeforeStartAndIsTimedFromStart() throws Exception {
    DtlsConfig quick =
        CONFIG
            .withHandshakeTimeout(Duration.ofMillis(700))
            .withInitialRetransmit(Duration.ofMillis(200));
    try (Harness h = new Harness(quick, quick, (d, i, b) -> false)) {
      h.client.prepare();
      h.server.prepare();
      h.client.prepare(); // idempotent
      // longer than the handshake timeout and several retransmission periods
      await()
          .during(Duration.ofMillis(1000))
          .atMost(Duration.ofSeconds(5))
          .until(() -> h.seen.isEmpty());
      assertThat(h.client.state()).isEqualTo(DtlsState.NEW);
      h.connect(20);
      assertThat(h.seen(Direction.TO_SERVER, b -> true)).hasSize(2);
      assertThat(h.seen(Direction.TO_CLIENT, b -> true)).hasSize(2);
      h.client.send("after prepare".getBytes(UTF_8));
      assertThat(new String(h.serverEvents.data.poll(10, TimeUnit.SECONDS), UTF_8))
          .isEqualTo("after prepare");
    }
  }

  @Test
  void closingAPreparedTransportStopsItsHandshakeThread() throws Exception {
    try (Harness h = new Harness(CONFIG, CONFIG, (d, i, b) -> false)) {
      h.client.prepare();
      await().atMost(Duration.ofSeconds(5)).until(() -> threadAlive("squall-dtls-client"));
      h.client.close();
      assertThat(h.clientEvents.closed.get(20, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.LOCAL);
      await().atMost(Duration.ofSeconds(5)).until(() -> !threadAlive("squall-dtls-client"));
      assertThat(h.seen).isEmpty();
      assertThatThrownBy(h.client::start).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aServerKeyExchangeWithABadSignatureFailsTheClientBeforeItsKeyExchange() throws Exception {
    Harness.DropFilter corruptSignature =
        (dir, i, b) -> {
          int end =
              dir == Direction.TO_CLIENT
                  ? Records.handshakeRecordEnd(b, Records.SERVER_KEY_EXCHANGE)
                  : -1;
          if (end > 0) {
            b[end - 1] ^= 0x01; // the last byte of the ECDSA signature's s
          }
          return false;
        };
    try (Harness h = new Harness(CONFIG, CONFIG, corruptSignature)) {
      var server = h.server.start();
      var client = h.client.start();
      assertThatThrownBy(() -> client.get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(DtlsException.class);
      assertThatThrownBy(() -> server.get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(DtlsException.class);
      assertThat(
              h.seen(
                  Direction.TO_SERVER,
                  b -> Records.containsHandshake(b, Records.CLIENT_KEY_EXCHANGE)))
          .isEmpty();
    }
  }

  private static boolean threadAlive(String prefix) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith(prefix));
  }
}
