package dev.squall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.server.TurnSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;

/**
 * The web app in relay-only mode: two real Chromium pages join one room, Ada with {@code ?relay=1}
 * on the room link and Bob through the lobby's relay toggle. Through a Squall TURN server that
 * allows loopback peers (every relay address is on 127.0.0.1 here) they connect relay to relay, and
 * video, chat and a file travel through the relay; through a server with the default peer policy
 * (loopback refused) the same pages must fail to connect, which proves no direct path was used.
 */
class WebAppRelayOnlyE2eTest {

  private static final Duration CONNECT = Duration.ofSeconds(45);

  /** Refused permissions fail the relay-only connection within seconds (7 s measured here). */
  private static final Duration FAIL = Duration.ofSeconds(30);

  @Test
  void relayOnlyPagesCallChatAndShareAFileThroughSquallTurn(@TempDir Path dir) throws Exception {
    Chromium.requireInstalled();
    String room = "e2e-relay";
    TurnSettings turn = TurnSettings.builder().allowLoopbackPeers(true).build();
    try (InProcessServer server = InProcessServer.start(turn);
        AppPage ada = new AppPage(Chromium.launch(), server.base(), "Ada");
        AppPage bob = new AppPage(Chromium.launch(), server.base(), "Bob")) {
      ada.join(room + "?relay=1", "Ada");
      joinWithRelayToggle(bob, room, "Bob");
      String adaId = ada.id();
      String bobId = bob.id();

      for (AppPage page : List.of(ada, bob)) {
        assertThat(page.js("return window.squall.relayOnly")).isEqualTo(true);
        assertThat(page.byTestId("relay-badge").isDisplayed()).isTrue();
      }
      awaitRelayed(ada, bobId);
      awaitRelayed(bob, adaId);
      for (AppPage[] pair : new AppPage[][] {{ada, bob}, {bob, ada}}) {
        AppPage page = pair[0];
        String otherId = pair[1].id();
        Map<String, Object> peer = page.peers().get(otherId);
        assertThat(peer)
            .containsEntry("connectionState", "connected")
            .containsEntry("status", "relay")
            .containsEntry("candidateType", "relay/relay");
        assertThat(page.js("return window.squall.peers[arguments[0]].iceTransportPolicy", otherId))
            .isEqualTo("relay");
        assertThat(
                page.js(
                    "return document.querySelector(`[data-peer-id='${arguments[0]}']"
                        + " [data-testid='tile-status']`).textContent",
                    otherId))
            .isEqualTo("connected via relay · relay/relay");
        Map<String, Long> first = page.framesDecoded();
        page.waitFor(
            () -> page.framesDecoded().getOrDefault(otherId, 0L) >= first.get(otherId) + 10,
            CONNECT,
            "video frames through the relay");
      }

      String text = "hello through the relay " + System.nanoTime();
      ada.js("window.squall.sendChat(arguments[0])", text);
      bob.waitFor(
          () ->
              bob.list("chat").stream()
                  .anyMatch(m -> text.equals(m.get("text")) && adaId.equals(m.get("from"))),
          Duration.ofSeconds(20),
          "Ada's chat message");

      Path file = dir.resolve("relayed.bin");
      int size = 1_000_000;
      String expected = CallE2eTest.writeSeededFile(file, size, 20261125L);
      ada.byTestId("tab-files").click();
      ada.byTestId("file-input").sendKeys(file.toString());
      new Select(ada.byTestId("file-target")).selectByValue(bobId);
      ada.waitUntil(
          "return !document.querySelector(\"[data-testid='file-send']\").disabled",
          Duration.ofSeconds(5),
          "the send button");
      ada.byTestId("file-send").click();
      bob.waitFor(
          () ->
              bob.list("received").stream()
                  .anyMatch(
                      r -> "relayed.bin".equals(r.get("name")) && adaId.equals(r.get("from"))),
          Duration.ofSeconds(60),
          "the file from Ada");
      Map<String, Object> received = bob.list("received").get(0);
      assertThat(received.get("sha256")).isEqualTo(expected);
      assertThat(((Number) received.get("size")).longValue()).isEqualTo(size);
      ada.waitFor(() -> !ada.list("sent").isEmpty(), Duration.ofSeconds(10), "the sent entry");
      assertThat(ada.list("sent").get(0)).containsEntry("sha256", expected);

      Scrape metrics = Scrape.of(server);
      assertThat(metrics.value("squall_turn_allocations_total")).isGreaterThanOrEqualTo(2);
      assertThat(metrics.value("squall_turn_relayed_packets_total{direction=\"to_peer\"}"))
          .as("relayed packets to peers\n%s", metrics)
          .isPositive();
      assertThat(metrics.value("squall_turn_relayed_packets_total{direction=\"to_client\"}"))
          .as("relayed packets to clients\n%s", metrics)
          .isPositive();
      // the whole file went through the relay: once from Ada's allocation to Bob's relay address
      // (to_peer), once from Bob's allocation down to Bob (to_client)
      assertThat(metrics.value("squall_turn_relayed_bytes_total{direction=\"to_peer\"}"))
          .isGreaterThan(size);
      assertThat(metrics.value("squall_turn_relayed_bytes_total{direction=\"to_client\"}"))
          .isGreaterThan(size);
    }
  }

  @Test
  void relayOnlyPagesFailWhenTheRelayRefusesTheirPeers() throws Exception {
    Chromium.requireInstalled();
    String room = "e2e-relay-refused";
    // the default peer policy: the relay never sends to loopback, and every relay address is there
    try (InProcessServer server = InProcessServer.start(TurnSettings.defaults());
        AppPage ada = new AppPage(Chromium.launch(false), server.base(), "Ada");
        AppPage bob = new AppPage(Chromium.launch(false), server.base(), "Bob")) {
      ada.join(room + "?relay=1", "Ada");
      bob.join(room + "?relay=1", "Bob");
      String adaId = ada.id();
      String bobId = bob.id();
      awaitFailed(ada, bobId);
      awaitFailed(bob, adaId);
      for (AppPage[] pair : new AppPage[][] {{ada, bob}, {bob, ada}}) {
        Map<String, Object> peer = pair[0].peers().get(pair[1].id());
        assertThat(peer.get("candidateType")).as("no pair was ever selected").isNull();
      }
      Scrape metrics = Scrape.of(server);
      assertThat(metrics.value("squall_turn_refusals_total{reason=\"peer-address-forbidden\"}"))
          .as("permissions refused for loopback peers\n%s", metrics)
          .isPositive();
      assertThat(metrics.value("squall_turn_relayed_packets_total{direction=\"to_peer\"}"))
          .isZero();
    }
  }

  /** Opens the room without the URL parameter, switches relay-only on in the lobby and joins. */
  private static void joinWithRelayToggle(AppPage page, String room, String name) {
    page.open("/r/" + room);
    page.waitUntil(
        "return !document.querySelector('#lobby').hidden", Duration.ofSeconds(15), "the lobby");
    assertThat(page.byTestId("relay-toggle").isSelected()).isFalse();
    page.byTestId("relay-toggle").click();
    assertThat(page.js("return location.search")).isEqualTo("?relay=1");
    page.byTestId("name-input").clear();
    page.byTestId("name-input").sendKeys(name);
    page.byTestId("join-button").click();
    page.waitUntil(
        "return window.squall.ready && window.squall.id !== null",
        Duration.ofSeconds(20),
        "joined");
  }

  /** Waits until the page shows {@code peerId} connected through a relay on both ends. */
  private static void awaitRelayed(AppPage page, String peerId) {
    page.waitUntil(
        "const p = window.squall.peers[arguments[0]];"
            + " return !!p && p.status === 'relay' && p.candidateType === 'relay/relay';",
        CONNECT,
        "connected via relay to " + peerId,
        peerId);
  }

  /** Waits until the page shows {@code peerId} as failed: on the test hook and on the tile. */
  private static void awaitFailed(AppPage page, String peerId) {
    page.waitUntil(
        "const p = window.squall.peers[arguments[0]];"
            + " const tile = document.querySelector(`[data-peer-id='${arguments[0]}']`);"
            + " return !!p && p.iceTransportPolicy === 'relay' && p.connectionState === 'failed'"
            + " && p.status === 'failed' && !!tile && tile.dataset.status === 'failed';",
        FAIL,
        "the relay-only connection to " + peerId + " to fail",
        peerId);
  }
}
