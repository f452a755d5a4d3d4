package dev.squall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Three real headless Chromium pages in one room on an in-process Squall server: video in a full
 * mesh, chat, a 50 MB file over a DataChannel, a page that closes, a page that reloads. The tests
 * share the three pages and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallE2eTest {

  private static final Duration CONNECT = Duration.ofSeconds(45);
  private static final String ROOM = "e2e-call";

  private InProcessServer server;
  private AppPage ada;
  private AppPage bob;
  private AppPage cy;

  @BeforeAll
  void start() {
    Chromium.requireInstalled();
    server = InProcessServer.start();
    ada = new AppPage(Chromium.launch(), server.base(), "Ada");
    bob = new AppPage(Chromium.launch(), server.base(), "Bob");
    cy = new AppPage(Chromium.launch(), server.base(), "Cy");
    ada.join(ROOM, "Ada");
    bob.join(ROOM, "Bob");
    cy.join(ROOM, "Cy");
  }

  @AfterAll
  void stop() {
    for (AppPage page : new AppPage[] {ada, bob, cy}) {
      if (page != null) {
        page.close();
      }
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void everyPageDecodesVideoFromEveryOther() {
    List<AppPage> pages = List.of(ada, bob, cy);
    for (AppPage page : pages) {
      awaitConnectedTo(page, pages.stream().filter(p -> p != page).map(AppPage::id).toList());
    }
    for (AppPage page : pages) {
      awaitFramesGrowFromEveryPeer(page);
      assertThat(page.driver().findElements(By.cssSelector("[data-testid='tile']"))).hasSize(3);
      Map<String, Map<String, Object>> peers = page.peers();
      assertThat(peers.values())
          .allSatisfy(
              p -> {
                assertThat(p.get("status")).isIn("direct", "relay");
                assertThat((String) p.get("candidateType")).matches("\\w+/\\w+");
              });
    }
  }

  @Test
  @Order(2)
  void chatReachesTheOthersWithTheSenderName() {
    String text = "hello from Ada " + System.nanoTime();
    ada.byTestId("chat-input").sendKeys(text);
    ada.byTestId("chat-send").click();
    String adaId = ada.id();
    for (AppPage page : List.of(bob, cy)) {
      page.waitFor(
          () ->
              page.list("chat").stream()
                  .anyMatch(
                      m ->
                          text.equals(m.get("text"))
                              && "Ada".equals(m.get("name"))
                              && adaId.equals(m.get("from"))),
          Duration.ofSeconds(20),
          "Ada's chat message");
      assertThat(page.byTestId("chat-log").getText()).contains("Ada").contains(text);
    }
  }

  @Test
  @Order(3)
  void fiftyMegabyteFileArrivesWithTheSameSha256(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("payload.bin");
    String expected = writeSeededFile(file, 50_000_000, 20261124L);
    // Six VP8 encoders and decoders would starve this 2-core machine: cameras go off from here
    // on (which also exercises camera off during a call and its announcement to the others).
    for (AppPage page : List.of(ada, bob, cy)) {
      setCamera(page, false);
    }
    bob.waitUntil(
        "return document.querySelector(`[data-peer-id='${arguments[0]}']`).dataset.video === 'off'",
        Duration.ofSeconds(10),
        "Ada's tile to show her camera is off",
        ada.id());
    String bobId = bob.id();
    ada.byTestId("tab-files").click();
    ada.byTestId("file-input").sendKeys(file.toString());
    new Select(ada.byTestId("file-target")).selectByValue(bobId);
    ada.waitUntil(
        "return !document.querySelector(\"[data-testid='file-send']\").disabled",
        Duration.ofSeconds(5),
        "the send button");
    ada.byTestId("file-send").click();

    String adaId = ada.id();
    bob.waitFor(
        () ->
            bob.list("received").stream()
                .anyMatch(r -> "payload.bin".equals(r.get("name")) && adaId.equals(r.get("from"))),
        Duration.ofSeconds(150),
        "the file from Ada");
    Map<String, Object> received = bob.list("received").get(0);
    assertThat(received.get("sha256")).isEqualTo(expected);
    assertThat(((Number) received.get("size")).longValue()).isEqualTo(50_000_000L);
    ada.waitFor(() -> !ada.list("sent").isEmpty(), Duration.ofSeconds(10), "sent entry");
    assertThat(ada.list("sent").get(0))
        .containsEntry("sha256", expected)
        .containsEntry("to", bobId);
    bob.byTestId("tab-files").click();
    assertThat(bob.byTestId("download-link").getAttribute("href")).startsWith("blob:");
    assertThat(cy.list("received")).isEmpty();
  }

  @Test
  @Order(4)
  void theReceiverCancelsATransfer() {
    String bobId = bob.id();
    startBigTransfer(ada, bobId, "big-to-bob.bin");
    bob.waitUntil(
        "return window.squall.transfers.some(t => t.name === 'big-to-bob.bin' && t.bytes > 0)",
        Duration.ofSeconds(20),
        "the transfer to start");
    bob.byTestId("tab-files").click();
    bob.driver()
        .findElement(
            By.cssSelector(
                "[data-testid='transfer'][data-state='receiving'] [data-testid='transfer-cancel']"))
        .click();
    ada.waitUntil(
        "return window.squall.transfers.some(t => t.name === 'big-to-bob.bin'"
            + " && t.state === 'cancelled' && t.error.includes('receiver'))",
        Duration.ofSeconds(20),
        "the sender to see the cancel");
    assertThat(bob.list("received")).hasSize(1);
  }

  @Test
  @Order(5)
  void aClosedPageIsShownAsGoneOnTheOthersAndItsTransfersFail() {
    String cyId = cy.id();
    startBigTransfer(ada, cyId, "big-to-cy.bin");
    cy.waitUntil(
        "return window.squall.transfers.some(t => t.name === 'big-to-cy.bin' && t.bytes > 0)",
        Duration.ofSeconds(20),
        "the transfer to start");
    cy.closeWindow();
    ada.waitUntil(
        "return window.squall.transfers.some(t => t.name === 'big-to-cy.bin' && t.state === 'failed')"
            + " && document.querySelector(\"[data-testid='transfer'][data-state='failed']\") !== null",
        Duration.ofSeconds(20),
        "the transfer to Cy to fail visibly");
    for (AppPage page : List.of(ada, bob)) {
      page.waitUntil(
          "return !(arguments[0] in window.squall.peers)"
              + " && !document.querySelector(`[data-peer-id='${arguments[0]}']`)",
          Duration.ofSeconds(20),
          "Cy's tile to go",
          cyId);
      assertThat(page.driver().findElements(By.cssSelector("[data-testid='tile']"))).hasSize(2);
    }
  }

  @Test
  @Order(6)
  void aReloadedPageRejoinsAndReconnectsMedia() {
    setCamera(ada, true);
    String oldBobId = bob.id();
    bob.reload();
    bob.waitUntil(
        "return window.squall && window.squall.ready && window.squall.id !== arguments[0]",
        Duration.ofSeconds(20),
        "Bob to rejoin",
        oldBobId);
    String newBobId = bob.id();
    awaitConnectedTo(bob, List.of(ada.id()));
    awaitConnectedTo(ada, List.of(newBobId));
    assertThat(ada.peers()).doesNotContainKey(oldBobId);
    awaitFramesGrowFromEveryPeer(ada);
    awaitFramesGrowFromEveryPeer(bob);
  }

  @Test
  @Order(7)
  void iceRestartOffersThatCrossAreResolvedByPerfectNegotiation() {
    String adaId = ada.id();
    String bobId = bob.id();
    String adaUfrag = (String) ada.js("return window.squall.peers[arguments[0]].localUfrag", bobId);
    String bobUfrag = (String) bob.js("return window.squall.peers[arguments[0]].localUfrag", adaId);
    assertThat(adaUfrag).isNotNull();
    assertThat(bobUfrag).isNotNull();
    // Bob's signaling drops for 3 s: his restart offer waits in his outbox while Ada's waits in
    // the server's resume queue, so the two offers are guaranteed to cross when Bob resumes.
    bob.js(
        "window.squall.dropSignaling(3000); window.squall.peers[arguments[0]].restartIce()", adaId);
    bob.waitUntil(
        "return window.squall.signalingState === 'reconnecting'",
        Duration.ofSeconds(5),
        "the drop");
    ada.js("window.squall.peers[arguments[0]].restartIce()", bobId);
    String settled =
        "const p = window.squall.peers[arguments[0]]; return p.localUfrag !== arguments[1]"
            + " && p.signalingState === 'stable' && p.connectionState === 'connected'";
    ada.waitUntil(settled, CONNECT, "Ada's restart to settle", bobId, adaUfrag);
    bob.waitUntil(settled, CONNECT, "Bob's restart to settle", adaId, bobUfrag);
    assertThat(bob.id()).isEqualTo(bobId);
    assertThat(
            ((Number) ada.js("return window.squall.peers[arguments[0]].glares", bobId)).intValue())
        .isPositive();
    assertThat(
            ((Number) bob.js("return window.squall.peers[arguments[0]].glares", adaId)).intValue())
        .isPositive();
    awaitFramesGrowFromEveryPeer(ada);
    awaitFramesGrowFromEveryPeer(bob);
  }

  /** Starts sending a 256 MiB file built in the page, without waiting for the transfer. */
  private static void startBigTransfer(AppPage from, String toId, String name) {
    from.js(
        "const part = new Uint8Array(1 << 20).fill(7);"
            + " const file = new File(Array(256).fill(part), arguments[1]);"
            + " window.squall.sendFile(file, arguments[0]).catch(() => {});",
        toId,
        name);
  }

  /** Switches the page's camera on or off with the call bar's toggle (if not already so). */
  private static void setCamera(AppPage page, boolean on) {
    String want = on ? "on" : "off";
    String selfTile = "document.querySelector(\"[data-peer-id='self']\").dataset.video";
    if (!want.equals(page.js("return " + selfTile))) {
      page.byTestId("call-camera-toggle").click();
    }
    page.waitUntil(
        "return " + selfTile + " === arguments[0]", Duration.ofSeconds(10), "camera " + want, want);
  }

  private static void awaitConnectedTo(AppPage page, List<String> ids) {
    page.waitFor(
        () -> {
          Map<String, Map<String, Object>> peers = page.peers();
          return peers.keySet().containsAll(ids)
              && ids.stream()
                  .allMatch(id -> "connected".equals(peers.get(id).get("connectionState")));
        },
        CONNECT,
        "connected to " + ids);
  }

  /** framesDecoded from every remote peer grows by at least 10 frames. */
  private static void awaitFramesGrowFromEveryPeer(AppPage page) {
    Map<String, Long> first = page.framesDecoded();
    assertThat(first).isNotEmpty();
    page.waitFor(
        () -> {
          Map<String, Long> now = page.framesDecoded();
          return first.keySet().stream()
              .allMatch(id -> now.getOrDefault(id, 0L) >= first.get(id) + 10);
        },
        CONNECT,
        "video frames from every peer (first " + first + ")");
  }

  /** Writes {@code size} bytes from a seeded PRNG and returns their SHA-256 in hex. */
  static String writeSeededFile(Path file, int size, long seed)
      throws IOException, NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Random random = new Random(seed);
    byte[] block = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int left = size; left > 0; ) {
        int n = Math.min(left, block.length);
        random.nextBytes(block);
        out.write(block, 0, n);
        sha.update(block, 0, n);
        left -= n;
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
