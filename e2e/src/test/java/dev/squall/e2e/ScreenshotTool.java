package dev.squall.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * A manual utility, not a test: puts three pages in a call, exchanges a few chat lines and a small
 * file, and saves a screenshot of the first page to the path given as the only argument (the
 * README's docs/screenshot.png). Run it from the e2e module's test classpath:
 *
 * <pre>
 * cd e2e &amp;&amp; ../mvnw -o -q test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "$(cat target/cp.txt):target/test-classes" dev.squall.e2e.ScreenshotTool ../docs/screenshot.png
 * </pre>
 */
public final class ScreenshotTool {

  private ScreenshotTool() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: ScreenshotTool OUTPUT.png");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    try (InProcessServer server = InProcessServer.start();
        AppPage ada = new AppPage(Chromium.launch(), server.base(), "Ada");
        AppPage bob = new AppPage(Chromium.launch(), server.base(), "Bob");
        AppPage cy = new AppPage(Chromium.launch(), server.base(), "Cy")) {
      ada.driver().manage().window().setSize(new Dimension(1280, 760));
      ada.driver()
          .executeCdpCommand(
              "Emulation.setEmulatedMedia",
              Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
      ada.join("amber-otter-417", "Ada Lovelace");
      bob.join("amber-otter-417", "Bob");
      cy.join("amber-otter-417", "Cy");
      for (AppPage p : List.of(ada, bob, cy)) {
        p.waitUntil(
            "return Object.values(window.squall.peers).length === 2 && Object.values(window.squall.peers)"
                + ".every(p => p.status === 'direct' || p.status === 'relay')",
            Duration.ofSeconds(45),
            "everyone connected");
      }
      bob.js("window.squall.sendChat('Hi all! Can you see me?')");
      ada.js("window.squall.sendChat('Loud and clear. Sending the slides now.')");
      cy.js("window.squall.sendChat('Same here. Nice and smooth.')");
      ada.jsAsync(
          "const done = arguments[arguments.length - 1];"
              + "const blob = new File([new Uint8Array(3_000_000)], 'slides.pdf', {type: 'application/pdf'});"
              + "window.squall.sendFile(blob, null).then(() => done(true), e => done(String(e)));");
      ada.waitUntil(
          "return window.squall.chat.length === 3", Duration.ofSeconds(10), "three chat messages");
      ada.waitFor(
          () -> ada.framesDecoded().values().stream().allMatch(f -> f > 30),
          Duration.ofSeconds(30),
          "video");
      Path shot = ada.driver().getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, out, StandardCopyOption.REPLACE_EXISTING);
      System.out.println("saved " + out.toAbsolutePath());
    }
  }
}
