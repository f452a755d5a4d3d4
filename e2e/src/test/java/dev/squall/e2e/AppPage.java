package dev.squall.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Squall web app in one browser: navigation, the main controls by {@code data-testid}, and
 * reads of the read-only {@code window.squall} test hook. Every wait polls page state; none sleeps.
 */
final class AppPage implements AutoCloseable {

  private final Chromium browser;
  private final ChromeDriver driver;
  private final URI base;
  private final String label;

  AppPage(Chromium browser, URI base, String label) {
    this.browser = browser;
    this.driver = browser.driver();
    this.base = base;
    this.label = label;
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(base.resolve(path).toString());
  }

  /** Opens {@code /r/<room>}, types the name in the lobby, joins and waits until joined. */
  void join(String room, String name) {
    open("/r/" + room);
    WebElement nameInput = byTestId("name-input");
    nameInput.clear();
    nameInput.sendKeys(name);
    byTestId("join-button").click();
    waitUntil(
        "return window.squall.ready && window.squall.id !== null",
        Duration.ofSeconds(20),
        "joined");
  }

  WebElement byTestId(String testId) {
    return driver.findElement(By.cssSelector("[data-testid='" + testId + "']"));
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Runs an async script whose last argument is the completion callback. */
  Object jsAsync(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  String id() {
    return (String) js("return window.squall.id");
  }

  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> peers() {
    return (Map<String, Map<String, Object>>)
        js(
            "const out = {}; for (const [id, p] of Object.entries(window.squall.peers))"
                + " out[id] = {name: p.name, connectionState: p.connectionState, status: p.status,"
                + " candidateType: p.candidateType}; return out;");
  }

  /** Video frames decoded so far from each remote peer (fresh getStats). */
  @SuppressWarnings("unchecked")
  Map<String, Long> framesDecoded() {
    Map<String, Object> raw =
        (Map<String, Object>)
            jsAsync(
                "const done = arguments[arguments.length - 1];"
                    + " const entries = Object.entries(window.squall.peers);"
                    + " Promise.all(entries.map(([id, p]) => p.framesDecoded().then(f => [id, f])))"
                    + ".then(r => done(Object.fromEntries(r)), e => done({error: String(e)}));");
    return raw.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> ((Number) e.getValue()).longValue()));
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> list(String property) {
    return (List<Map<String, Object>>) js("return window.squall." + property);
  }

  void reload() {
    driver.navigate().refresh();
  }

  /** Closes the page's window (the app leaves the room on pagehide), ending the session. */
  void closeWindow() {
    driver.close();
  }

  /** Polls {@code condition} (a script returning a boolean) until it is true. */
  void waitUntil(String condition, Duration timeout, String what, Object... args) {
    try {
      new WebDriverWait(driver, timeout)
          .pollingEvery(Duration.ofMillis(200))
          .withMessage(() -> label + ": " + what)
          .until(d -> Boolean.TRUE.equals(js(condition, args)));
    } catch (TimeoutException e) {
      throw new AssertionError(label + ": timed out waiting for " + what + "\n" + consoleLog(), e);
    }
  }

  /** Polls a Java condition that reads this page. */
  void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String what) {
    try {
      new WebDriverWait(driver, timeout)
          .pollingEvery(Duration.ofMillis(250))
          .until(d -> condition.getAsBoolean());
    } catch (TimeoutException e) {
      throw new AssertionError(label + ": timed out waiting for " + what + "\n" + consoleLog(), e);
    }
  }

  /** The browser console so far (for failure messages). */
  String consoleLog() {
    try {
      return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .map(LogEntry::toString)
          .collect(Collectors.joining("\n", "--- " + label + " console ---\n", ""));
    } catch (RuntimeException e) {
      return "(console unavailable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    browser.close();
  }
}
