package dev.squall.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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

/**
 * One page with a fake camera (and, for the last test, a second browser without any devices): the
 * landing page, the in-page SHA-256 against the JDK, signaling resume (and its failure after the
 * grace period), and a receive-only member.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AppBasicsE2eTest {

  private static final Duration GRACE = Duration.ofSeconds(4);

  private InProcessServer server;
  private AppPage page;

  @BeforeAll
  void start() {
    Chromium.requireInstalled();
    server = InProcessServer.start(GRACE);
    page = new AppPage(Chromium.launch(), server.base(), "Ada");
  }

  @AfterAll
  void stop() {
    if (page != null) {
      page.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void landingPageCreatesARoomAndNavigatesToIt() {
    page.open("/");
    page.byTestId("landing-name").sendKeys("Ada");
    page.byTestId("create-room").click();
    page.waitUntil(
        "return /^\\/r\\/[a-z]+-[a-z]+-\\d{3}$/.test(location.pathname)"
            + " && !document.querySelector('#lobby').hidden",
        Duration.ofSeconds(10), "the lobby of a new room");
    String room = (String) page.js("return location.pathname.substring(3)");
    assertThat(page.byTestId("name-input").getAttribute("value")).isEqualTo("Ada");
    assertThat(page.byTestId("share-link").getAttribute("value")).endsWith("/r/" + room);
  }

  @Test
  @Order(2)
  void inPageSha256MatchesTheJdk() throws Exception {
    page.open("/");
    List<String> inputs = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    // FIPS 180-2 vectors, then random lengths around block boundaries
    for (String s :
        List.of("", "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) {
      inputs.add(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.US_ASCII)));
      expected.add(hex(s.getBytes(StandardCharsets.US_ASCII)));
    }
    Random random = new Random(7);
    for (int len : new int[] {55, 56, 63, 64, 65, 119, 120, 128, 1000, 65_536 + 13}) {
      byte[] data = new byte[len];
      random.nextBytes(data);
      inputs.add(Base64.getEncoder().encodeToString(data));
      expected.add(hex(data));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> result =
        (Map<String, Object>)
            page.jsAsync(
                "const [inputs, done] = [arguments[0], arguments[arguments.length - 1]];"
                    + "import('/js/sha256.js').then(({Sha256}) => {"
                    + "  const split = inputs.map((b64, n) => {"
                    + "    const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));"
                    + "    const h = new Sha256();"
                    + "    for (let p = 0, k = 1; p < bytes.length; p += k, k = (k * 7 + n) % 97 + 1)"
                    + "      h.update(bytes.subarray(p, p + k));"
                    + "    return h.hex(); });"
                    + "  const million = new Sha256(); const a = new Uint8Array(1000).fill(97);"
                    + "  for (let i = 0; i < 1000; i++) million.update(a);"
                    + "  done({split, million: million.hex()}); }, e => done({error: String(e)}));",
                inputs);
    assertThat(result).doesNotContainKey("error");
    assertThat(result.get("split")).isEqualTo(expected);
    assertThat(result.get("million"))
        .isEqualTo("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  @Test
  @Order(3)
  void aDroppedSignalingConnectionResumesTheSameSession() {
    page.join("e2e-resume", "Ada");
    String id = page.id();
    page.js("window.squall.dropSignaling()");
    page.waitUntil(
        "return window.squall.signalingState !== 'open'", Duration.ofSeconds(5), "the drop");
    page.waitUntil(
        "return window.squall.signalingState === 'open'", Duration.ofSeconds(15), "the resume");
    assertThat(page.id()).isEqualTo(id);
  }

  @Test
  @Order(4)
  void aResumeAfterTheGracePeriodFailsAndThePageJoinsAgain() {
    page.join("e2e-rejoin", "Ada");
    String id = page.id();
    page.js("window.squall.dropSignaling(arguments[0])", GRACE.plusSeconds(2).toMillis());
    page.waitUntil(
        "return window.squall.signalingState === 'open' && window.squall.id !== arguments[0]",
        GRACE.plusSeconds(20),
        "a fresh join",
        id);
    assertThat((String) page.js("return window.squall.room")).isEqualTo("e2e-rejoin");
  }

  @Test
  @Order(5)
  void aMemberWithoutDevicesJoinsReceiveOnly() {
    try (AppPage noDevices = new AppPage(Chromium.launch(false), server.base(), "Zed")) {
      noDevices.open("/r/e2e-rejoin");
      noDevices.waitUntil(
          "return !document.querySelector(\"[data-testid='media-notice']\").hidden",
          Duration.ofSeconds(15),
          "the no-devices notice");
      assertThat(noDevices.byTestId("media-notice").getText()).contains("receive-only");
      noDevices.join("e2e-rejoin", "Zed");
      String adaId = page.id();
      noDevices.waitFor(
          () ->
              "connected"
                  .equals(noDevices.peers().getOrDefault(adaId, Map.of()).get("connectionState")),
          Duration.ofSeconds(45),
          "connected to Ada");
      noDevices.waitFor(
          () -> noDevices.framesDecoded().getOrDefault(adaId, 0L) > 10,
          Duration.ofSeconds(45),
          "Ada's video");
      noDevices.js("window.squall.sendChat('hi, I have no camera')");
      page.waitFor(
          () ->
              page.list("chat").stream()
                  .anyMatch(
                      m ->
                          "Zed".equals(m.get("name"))
                              && "hi, I have no camera".equals(m.get("text"))),
          Duration.ofSeconds(20),
          "Zed's chat message");
    }
  }

  private static String hex(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
