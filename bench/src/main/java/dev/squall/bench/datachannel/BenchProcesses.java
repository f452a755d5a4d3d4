package dev.squall.bench.datachannel;

import dev.squall.bench.ManagedProcess;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts the DataChannel benchmark's child processes (JVMs on this harness's classpath, Node.js, a
 * JVM in a private network namespace), each a {@link ManagedProcess} with its log in a temporary
 * directory, waits for them to exit within the time bound and reads their {@link ResultLine}.
 * {@link #close()} stops whatever still runs (the shutdown hooks of {@link ManagedProcess} cover
 * interruption).
 */
final class BenchProcesses implements AutoCloseable {
  private final Path dir;
  private final Duration timeout;
  private final List<ManagedProcess> started = new ArrayList<>();
  private int sequence;

  BenchProcesses(int timeoutSeconds) throws IOException {
    this.dir = Files.createTempDirectory("squall-bench-dc-");
    this.timeout = Duration.ofSeconds(timeoutSeconds);
  }

  /** A fresh directory for one pair's signaling files. */
  Path newDirectory() throws IOException {
    return Files.createDirectory(dir.resolve("pair-" + (++sequence)));
  }

  /** {@code java [jvm options] -cp <ours> mainClass args}. */
  static List<String> java(String heap, Class<?> main, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xms" + heap);
    cmd.add("-Xmx" + heap);
    cmd.add("-Dlogback.configurationFile=logback-bench.xml");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main.getName());
    cmd.addAll(args);
    return cmd;
  }

  /**
   * Wraps {@code command} so it runs in a new network namespace with {@code lo} up and a veth pair
   * (10.77.0.1/24 on v0), as {@code bench/run.sh connect} does for libwebrtc. Needs root.
   */
  static List<String> inNetworkNamespace(List<String> command) {
    List<String> cmd = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      cmd.add("sudo");
    }
    cmd.addAll(
        List.of(
            "unshare",
            "-n",
            "sh",
            "-c",
            "ip link set lo up && ip link add v0 type veth peer name v1 && "
                + "ip addr add 10.77.0.1/24 dev v0 && ip link set v0 up && ip link set v1 up && "
                + "exec \"$@\"",
            "sh"));
    cmd.addAll(command);
    return cmd;
  }

  ManagedProcess start(String name, List<String> command) throws IOException {
    Path log = dir.resolve(name + "-" + (++sequence) + ".log");
    ManagedProcess p = ManagedProcess.start(name, command, log);
    started.add(p);
    return p;
  }

  /** Waits for {@code p} to exit (bounded) and returns its result line. */
  ResultLine result(ManagedProcess p) throws IOException, InterruptedException {
    return result(p, timeout);
  }

  /** Waits at most {@code limit} for {@code p} to exit and returns its result line. */
  ResultLine result(ManagedProcess p, Duration limit) throws IOException, InterruptedException {
    p.awaitReady(() -> !p.isAlive(), limit);
    String output = Files.readString(p.log());
    output
        .lines()
        .filter(l -> l.startsWith("THREADS "))
        .forEach(l -> System.out.println("  " + p.name() + " CPU by thread: " + l.substring(8)));
    return ResultLine.find(output)
        .orElseThrow(
            () -> new IllegalStateException(p.name() + " printed no RESULT line:\n" + p.logTail()));
  }

  /** Runs {@code command} to its end and returns its result line. */
  ResultLine run(String name, List<String> command) throws IOException, InterruptedException {
    try (ManagedProcess p = start(name, command)) {
      return result(p);
    }
  }

  @Override
  public void close() {
    started.forEach(ManagedProcess::close);
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // leftover logs in /tmp are harmless
    }
  }
}
