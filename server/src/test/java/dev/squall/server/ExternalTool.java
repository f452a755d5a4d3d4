package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool with a time limit and captures its output. */
final class ExternalTool {

  record Result(int exitCode, String output) {}

  private ExternalTool() {}

  /** Fails (never skips) when {@code binary} is not installed. */
  static void requireInstalled(String binary, String debianPackage) {
    boolean found =
        Arrays.stream(
                System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
    assertThat(found)
        .as(
            "'%s' is not installed; install the Debian package: apt-get install -y %s",
            binary, debianPackage)
        .isTrue();
  }

  static Result run(Path workDir, List<String> command) throws Exception {
    Path out = Files.createTempFile(workDir, "tool", ".out");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        throw new AssertionError(
            command + " did not finish within 10 s (no answer?): " + Files.readString(out));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1));
    } finally {
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
