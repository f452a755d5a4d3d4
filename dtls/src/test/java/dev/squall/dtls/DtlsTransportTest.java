package dev.squall.dtls;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.squall.dtls.Harness.Direction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DtlsTransportTest {

  private static final DtlsConfig CONFIG = DtlsConfig.defaults();

  @Test
  void handshakesExchangesDataBothWaysAndClosesWithCloseNotifyBothWays() throws Exception {
    try (Harness h = new Harness(CONFIG, CONFIG, (d, i, b) -> false).connect(20)) {
      DtlsHandshakeResult result = h.client.handshake().get();
      assertThat(result.cipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
      assertThat(result.remoteFingerprint()).isEqualTo(Harness.SERVER_CERT.fingerprint());
      assertThat(h.server.handshake().get().remoteFingerprint())
          .isEqualTo(Harness.CLIENT_CERT.fingerprint());
      assertThat(h.client.state()).isEqualTo(DtlsState.CONNECTED);
      assertThat(result.maxApplicationData()).isBetween(1100, 1200);

      h.client.send("hello server".getBytes(UTF_8));
      h.server.send("hello client".getBytes(UTF_8));
      assertThat(new String(h.serverEvents.data.poll(10, TimeUnit.SECONDS), UTF_8))
          .isEqualTo("hello server");
      assertThat(new String(h.clientEvents.data.poll(10, TimeUnit.SECONDS), UTF_8))
          .isEqualTo("hello client");
      // the application data really crossed the wire encrypted
      assertThat(h.seen(Direction.TO_SERVER, b -> Records.contentType(b) == 23)).hasSize(1);

      h.client.close();
      assertThat(h.clientEvents.closed.get(20, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.LOCAL);
      assertThat(h.serverEvents.closed.get(20, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.REMOTE);
      assertThat(h.server.state()).isEqualTo(DtlsState.CLOSED);
      assertThat(h.seen(Direction.TO_SERVER, b -> Records.containsType(b, Records.ALERT)))
          .hasSize(1);
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () ->
                  assertThat(
                          h.seen(Direction.TO_CLIENT, b -> Records.containsType(b, Records.ALERT)))
                      .as("the server answers close_notify with its own")
                      .hasSize(1));
      assertThat(h.clientEvents.onLoop && h.serverEvents.onLoop).isTrue();
      assertThatThrownBy(() -> h.client.send(new byte[1]))
          .isInstanceOf(DtlsException.class)
          .hasMessageContaining("CLOSED");
    }
  }

  @Test
  void negotiatesUseSrtpAndBothSidesExportTheSameKeyingMaterial() throws Exception {
    try (Harness h = new Harness(CONFIG, CONFIG, (d, i, b) -> false).connect(20)) {
      DtlsHandshakeResult c = h.client.handshake().get();
      DtlsHandshakeResult s = h.server.handshake().get();
      assertThat(c.srtpProfile()).contains(SrtpProfile.AEAD_AES_128_GCM);
      assertThat(s.srtpProfile()).contains(SrtpProfile.AEAD_AES_128_GCM);
      SrtpKeyingMaterial ck = c.srtpKeyingMaterial().orElseThrow();
      SrtpKeyingMaterial sk = s.srtpKeyingMaterial().orElseThrow();
      assertThat(ck.material()).hasSize(56).isEqualTo(sk.material());
      assertThat(ck.localKey()).isEqualTo(sk.remoteKey());
      assertThat(ck.localSalt()).isEqualTo(sk.remoteSalt()).hasSize(12);
      assertThat(ck.localKey()).isNotEqualTo(ck.remoteKey());
      assertThat(h.client.srtpKeyingMaterial()).contains(ck);
    }
  }

  @Test
  void serverPicksTheFirstOfItsProfilesThatTheClientOffers() throws Exception {
    DtlsConfig sha1Only = CONFIG.withSrtpProfiles(List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80));
    try (Harness h = new Harness(CONFIG, sha1Only, (d, i, b) -> false).connect(20)) {
      SrtpKeyingMaterial ck = h.client.srtpKeyingMaterial().orElseThrow();
      assertThat(h.client.srtpProfile()).contains(SrtpProfile.AES128_CM_HMAC_SHA1_80);
      assertThat(ck.material())
          .hasSize(60)
          .isEqualTo(h.server.srtpKeyingMaterial().get().material());
      assertThat(ck.clientSalt()).hasSize(14);
    }
    try (Harness h = new Harness(CONFIG, CONFIG.withSrtpProfiles(List.of()), (d, i, b) -> false)) {
      h.connect(20);
      assertThat(h.client.srtpProfile()).isEmpty();
      assertThat(h.server.srtpKeyingMaterial()).isEmpty();
    }
  }

  @Test
  void clientRejectsAServerCertificateThatDoesNotMatchTheSdpFingerprint() throws Exception {
    Fingerprint wrong = DtlsCertificate.generate().fingerprint();
    try (Harness h =
        new Harness(CONFIG, CONFIG, wrong, Harness.CLIENT_CERT.fingerprint(), (d, i, b) -> false)) {
      var server = h.server.start();
      var client = h.client.start();
      assertThatThrownBy(() -> client.get(20, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(DtlsException.class)
          .hasMessage(
              "remote certificate fingerprint "
                  + Harness.SERVER_CERT.fingerprint().format()
                  + " does not match the SDP fingerprint "
                  + wrong.format());
      assertThatThrownBy(() -> server.get(20, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(DtlsException.class)
          .hasMessage("peer sent fatal alert bad_certificate(42)");
      assertThat(h.clientEvents.closed.get(20, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.FAILED);
      assertThat(h.client.state()).isEqualTo(DtlsState.FAILED);
    }
  }

  @Test
  void serverRejectsAClientCertificateThatDoesNotMatchTheSdpFingerprint() throws Exception {
    Fingerprint wrong = DtlsCertificate.generate().fingerprint();
    try (Harness h =
        new Harness(CONFIG, CONFIG, Harness.SERVER_CERT.fingerprint(), wrong, (d, i, b) -> false)) {
      var server = h.server.start();
      var client = h.client.start();
      assertThatThrownBy(() -> server.get(20, TimeUnit.SECONDS))
          .cause()
          .hasMessage(
              "remote certificate fingerprint "
                  + Harness.CLIENT_CERT.fingerprint().format()
                  + " does not match the SDP fingerprint "
                  + wrong.format());
      assertThatThrownBy(() -> client.get(20, TimeUnit.SECONDS))
          .cause()
          .hasMessageContaining("bad_certificate");
    }
  }

  @Test
  void refusesToSendBeforeTheHandshakeAndAboveTheRecordLimit() throws Exception {
    try (Harness h = new Harness(CONFIG, CONFIG.withMtu(600), (d, i, b) -> false)) {
      assertThatThrownBy(() -> h.client.send(new byte[10]))
          .isInstanceOf(DtlsException.class)
          .hasMessage("cannot send: DTLS transport is NEW");
      h.connect(20);
      int limit = h.server.maxApplicationData();
      assertThat(limit).isEqualTo(600 - 13 - 8 - 16);
      h.server.send(new byte[limit]);
      assertThat(h.clientEvents.data.poll(10, TimeUnit.SECONDS)).hasSize(limit);
      assertThatThrownBy(() -> h.server.send(new byte[limit + 1]))
          .isInstanceOf(DtlsException.class)
          .hasMessageContaining("exceeds the record limit of " + limit);
      // every datagram the server sent, handshake included, respected its 600-byte MTU
      assertThat(h.seen)
          .filteredOn(x -> x.direction() == Direction.TO_CLIENT)
          .allSatisfy(x -> assertThat(x.datagram().length).isLessThanOrEqualTo(600));
    }
  }

  @Test
  void closingDuringTheHandshakeFailsTheFutureAndStopsTheHandshakeThread() throws Exception {
    // the server is never started: the client's handshake waits for a ServerHello
    try (Harness h = new Harness(CONFIG, CONFIG, (d, i, b) -> false)) {
      var client = h.client.start();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> !h.seen(Direction.TO_SERVER, b -> true).isEmpty());
      h.client.close();
      assertThatThrownBy(() -> client.get(20, TimeUnit.SECONDS))
          .cause()
          .hasMessage("DTLS transport closed before the handshake finished");
      assertThat(h.clientEvents.closed.get(20, TimeUnit.SECONDS)).isEqualTo(DtlsCloseReason.LOCAL);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  Thread.getAllStackTraces().keySet().stream()
                      .noneMatch(t -> t.getName().startsWith("squall-dtls-client")));
    }
  }

  @Test
  void handshakeTimesOutWithAClearMessage() throws Exception {
    DtlsConfig quick =
        CONFIG
            .withHandshakeTimeout(Duration.ofMillis(700))
            .withInitialRetransmit(Duration.ofMillis(200));
    try (Harness h = new Harness(quick, quick, (d, i, b) -> false)) {
      var client = h.client.start();
      assertThatThrownBy(() -> client.get(10, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(DtlsException.class)
          .hasMessage("DTLS handshake timed out after 700 ms");
      assertThat(h.seen(Direction.TO_SERVER, b -> Records.handshakeType(b) == 1).size())
          .as("ClientHello retransmitted at 200 and 600 ms")
          .isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void worksWithEveryCryptoProviderOnOneOrBothSides() throws Exception {
    DtlsConfig bc = CONFIG.withCrypto(CryptoProvider.BC);
    DtlsConfig jdk = CONFIG.withCrypto(CryptoProvider.JDK);
    DtlsConfig[][] pairs = {
      {bc, bc}, {bc, CONFIG}, {CONFIG, bc}, {jdk, jdk}, {jdk, CONFIG}, {CONFIG, jdk}, {jdk, bc}
    };
    for (DtlsConfig[] sides : pairs) {
      try (Harness h = new Harness(sides[0], sides[1], (d, i, b) -> false).connect(20)) {
        // several records each way: every record has its own nonce and sequence number
        for (int size : new int[] {1, 100, h.client.maxApplicationData()}) {
          byte[] up = pattern(size, 1);
          byte[] down = pattern(size, 2);
          h.client.send(up);
          h.server.send(down);
          assertThat(h.serverEvents.data.poll(10, TimeUnit.SECONDS)).isEqualTo(up);
          assertThat(h.clientEvents.data.poll(10, TimeUnit.SECONDS)).isEqualTo(down);
        }
        assertThat(h.client.srtpKeyingMaterial())
            .isEqualTo(
                h.server
                    .srtpKeyingMaterial()
                    .map(k -> new SrtpKeyingMaterial(k.profile(), DtlsRole.CLIENT, k.material())));
      }
    }
  }

  @Test
  void aRecordAlteredOnTheWayIsDroppedAndTheConnectionGoesOn() throws Exception {
    for (CryptoProvider provider : CryptoProvider.values()) {
      DtlsConfig config = CONFIG.withCrypto(provider);
      boolean[] tampered = {false};
      Harness.DropFilter flipFirstApplicationRecord =
          (direction, index, datagram) -> {
            if (direction == Direction.TO_SERVER
                && !tampered[0]
                && Records.contentType(datagram) == 23) {
              tampered[0] = true;
              datagram[datagram.length - 1] ^= 0x01; // inside the GCM tag
            }
            return false;
          };
      try (Harness h = new Harness(config, config, flipFirstApplicationRecord).connect(20)) {
        h.client.send("altered".getBytes(UTF_8));
        h.client.send("intact".getBytes(UTF_8));
        assertThat(h.serverEvents.data.poll(10, TimeUnit.SECONDS))
            .as("%s: the altered record fails authentication and is discarded", provider)
            .isEqualTo("intact".getBytes(UTF_8));
        assertThat(tampered[0]).isTrue();
        assertThat(h.server.state()).isEqualTo(DtlsState.CONNECTED);
        h.server.send("still here".getBytes(UTF_8));
        assertThat(h.clientEvents.data.poll(10, TimeUnit.SECONDS))
            .isEqualTo("still here".getBytes(UTF_8));
      }
    }
  }

  private static byte[] pattern(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  @Test
  void aHandshakeExecutorCanBeSharedAndStartIsOneShot() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Harness h =
        new Harness(
                CONFIG.withHandshakeExecutor(pool),
                CONFIG.withHandshakeExecutor(pool),
                (d, i, b) -> false)
            .connect(20)) {
      assertThat(h.client.state()).isEqualTo(DtlsState.CONNECTED);
      assertThatThrownBy(h.client::start).isInstanceOf(IllegalStateException.class);
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }
}
