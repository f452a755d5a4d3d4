package dev.squall.e2e.nat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Squall command ({@code squall serve}, {@code squall peer ...}) running in a child JVM inside a
 * lab namespace, with its output collected line by line (and echoed with a tag for the test log).
 * {@link #close()} kills it and its descendants.
 */
final class LabProcess implements AutoCloseable {

  private final String tag;
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private LabProcess(String tag, Process process) {
    this.tag = tag;
    this.process = process;
    this.reader = new Thread(this::pump, "lab-" + tag);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code squall <args>} in namespace {@code ns}. */
  static LabProcess squall(String tag, String ns, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(NatLab.java());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.squall.cli.Main");
    command.addAll(List.of(args));
    Process p = NatLab.processIn(ns, command).redirectErrorStream(true).start();
    return new LabProcess(tag, p);
  }

  private void pump() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        System.out.println("[" + tag + "] " + line);
      }
    } catch (IOException e) {
      lines.add("(output reader: " + e + ")");
    }
  }

  /**
   * Waits until a line matches, the process exits, or the timeout passes; returns whether a line
   * matched.
   */
  boolean awaitLine(Predicate<String> match, long timeoutSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    int seen = 0;
    while (System.nanoTime() < deadline) {
      while (seen < lines.size()) {
        if (match.test(lines.get(seen++))) {
          return true;
        }
      }
      if (!process.isAlive()) {
        reader.join(1000);
        return lines.stream().anyMatch(match);
      }
      // wait for the next line or exit rather than spinning
      process.waitFor(50, TimeUnit.MILLISECONDS);
    }
    return false;
  }

  /** Waits for the process to exit; returns its exit code, or -1 after the timeout. */
  int awaitExit(long timeoutSeconds) throws InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      return -1;
    }
    reader.join(1000);
    return process.exitValue();
  }

  /** Everything the process printed so far. */
  List<String> output() {
    return List.copyOf(lines);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
