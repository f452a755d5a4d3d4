package dev.squall.e2e.peer;

import dev.squall.e2e.Chromium;
import org.openqa.selenium.JavascriptExecutor;

/**
 * One headless Chromium without media devices for the Java-peer interop tests: the e2e launcher
 * ({@link Chromium}: MACHINE.md flags, loopback candidates allowed, a fresh profile, fails when the
 * browser is missing) plus the two calls these tests make.
 */
final class PeerBrowser implements AutoCloseable {

  private final Chromium chromium;

  private PeerBrowser(Chromium chromium) {
    this.chromium = chromium;
  }

  static PeerBrowser launch() {
    return new PeerBrowser(Chromium.launch(false));
  }

  void open(String url) {
    chromium.driver().get(url);
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) chromium.driver()).executeScript(script, args);
  }

  @Override
  public void close() {
    chromium.close();
  }
}
