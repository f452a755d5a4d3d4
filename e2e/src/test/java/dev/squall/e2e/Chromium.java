package dev.squall.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium driven through /usr/bin/chromedriver, with the flags of
 * shared/MACHINE.md that keep it off the network (host resolver rules, no mDNS, no background
 * services) and a fresh temporary profile. {@link #close()} quits the browser, stops the driver and
 * deletes the profile. Fails (never skips) when Chromium or chromedriver is not installed.
 */
public final class Chromium implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;

  private Chromium(Path profile, ChromeDriverService service, ChromeDriver driver) {
    this.profile = profile;
    this.service = service;
    this.driver = driver;
  }

  /** A browser with a fake camera and microphone. */
  public static Chromium launch() {
    return launch(true);
  }

  /**
   * @param fakeDevices false starts a browser with no camera and no microphone at all
   */
  public static Chromium launch(boolean fakeDevices) {
    requireInstalled();
    Path profile;
    try {
      profile = Files.createTempDirectory("squall-chromium-");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a Chromium profile directory", e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(flags(profile, fakeDevices));
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    options.setPageLoadStrategy(PageLoadStrategy.EAGER);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputDiscarder.INSTANCE)
            .build();
    try {
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      return new Chromium(profile, service, driver);
    } catch (RuntimeException e) {
      service.stop();
      deleteTree(profile);
      throw e;
    }
  }

  static List<String> flags(Path profile, boolean fakeDevices) {
    List<String> flags =
        new ArrayList<>(
            List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                "--allow-loopback-in-peer-connection",
                "--window-size=1280,800",
                "--user-data-dir=" + profile));
    if (fakeDevices) {
      flags.add("--use-fake-device-for-media-stream");
      flags.add("--use-fake-ui-for-media-stream");
    }
    return flags;
  }

  static void requireInstalled() {
    if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
      fail(
          "The browser tests need Debian's Chromium and chromedriver ("
              + BINARY
              + ", "
              + DRIVER
              + "). Install them with: apt-get update && apt-get install -y chromium chromium-driver");
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    Object pid = driver.getCapabilities().getCapability("goog:processID");
    try {
      driver.quit();
    } catch (RuntimeException e) {
      // already gone (its last window was closed) or hung: made sure of below
    } finally {
      service.stop();
      if (pid instanceof Number n) {
        killIfStillOurs(n.longValue());
      }
      deleteTree(profile);
    }
  }

  /** Kills the browser process tree if the process with that id still runs on our profile. */
  private void killIfStillOurs(long pid) {
    ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains(profile.toString()))
        .ifPresent(
            p -> {
              p.descendants().forEach(ProcessHandle::destroyForcibly);
              p.destroyForcibly();
            });
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }

  /** Swallows chromedriver's own log. */
  private static final class OutputDiscarder extends java.io.OutputStream {
    static final OutputDiscarder INSTANCE = new OutputDiscarder();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
