package dev.squall.bench.datachannel;

import dev.squall.bench.ProcStats;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium for the DataChannel benchmark, started through chromedriver with the
 * flags of shared/MACHINE.md that keep it off the network (the same list as e2e's {@code Chromium},
 * which lives in test code), {@code --allow-loopback-in-peer-connection} so it gathers 127.0.0.1,
 * and a fresh profile. {@link #close()} quits it, kills what is left of its process tree and
 * deletes the profile; a shutdown hook does the same if the harness is interrupted.
 */
final class ChromiumBrowser implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final Path profile;
  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final long browserPid;
  private final Thread hook = new Thread(this::stop, "stop-chromium");

  ChromiumBrowser(Duration scriptTimeout) throws IOException {
    if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException(
          "needs " + BINARY + " and " + DRIVER + " (apt-get install chromium chromium-driver)");
    }
    profile = Files.createTempDirectory("squall-bench-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--disable-features=WebRtcHideLocalIpsWithMdns",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
            "--allow-loopback-in-peer-connection",
            "--user-data-dir=" + profile));
    options.setPageLoadStrategy(PageLoadStrategy.EAGER);
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withLogOutput(java.io.OutputStream.nullOutputStream())
            .build();
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    driver.manage().timeouts().scriptTimeout(scriptTimeout);
    Object pid = driver.getCapabilities().getCapability("goog:processID");
    browserPid = pid instanceof Number n ? n.longValue() : -1;
  }

  ChromeDriver driver() {
    return driver;
  }

  /** CPU time of the browser and every process it started (renderer, GPU, network, ...). */
  long cpuNanos() {
    if (browserPid < 0) {
      return -1;
    }
    long sum = ProcStats.cpuNanos(browserPid);
    for (ProcessHandle child :
        (Iterable<ProcessHandle>)
            ProcessHandle.of(browserPid).stream().flatMap(ProcessHandle::descendants)::iterator) {
      long cpu = ProcStats.cpuNanos(child.pid());
      sum += Math.max(0, cpu);
    }
    return sum;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or ran
    }
  }

  private void stop() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } catch (RuntimeException e) {
      // gone already; killed below
    } finally {
      service.stop();
      ProcessHandle.of(browserPid)
          .filter(p -> p.info().commandLine().orElse("").contains(profile.toString()))
          .ifPresent(
              p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
              });
      try (Stream<Path> paths = Files.walk(profile)) {
        paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        // a leftover temporary directory is harmless
      }
    }
  }
}
