package dev.squall.interop.libwebrtc;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.security.auth.module.UnixSystem;
import dev.squall.interop.DataChannelScenarios;
import dev.squall.interop.Offerer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DataChannel interop of the Java peer with libwebrtc (webrtc-java 0.14.0). libwebrtc never gathers
 * loopback addresses, so {@link LibWebRtcInteropMain} runs in a forked JVM inside a private network
 * namespace ({@code unshare -n}, or {@code unshare -rn} when not root) holding a veth pair with
 * 10.77.0.1: no traffic leaves the namespace. The test asserts that the run exits 0 and printed
 * every fact of both roles.
 */
class LibWebRtcInteropTest {

  private static final long TIMEOUT_SECONDS = 240;
  private static final String NAMESPACE_SETUP =
      "ip link set lo up && ip link add v0 type veth peer name v1"
          + " && ip addr add 10.77.0.1/24 dev v0 && ip link set v0 up && ip link set v1 up"
          + " && exec \"$JAVA\" -cp \"$CP\" "
          + LibWebRtcInteropMain.class.getName()
          + " 10.77.0.1";

  @Test
  void everyScenarioHoldsInBothRoles() throws Exception {
    String unshare = new UnixSystem().getUid() == 0 ? "-n" : "-rn";
    ProcessBuilder builder =
        new ProcessBuilder("unshare", unshare, "sh", "-c", NAMESPACE_SETUP)
            .redirectErrorStream(true);
    builder
        .environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    builder.environment().put("CP", System.getProperty("java.class.path"));
    Process process = builder.start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                  lines.add(line);
                  System.out.println("[libwebrtc run] " + line);
                }
              } catch (java.io.IOException e) {
                lines.add("reader: " + e);
              }
            },
            "libwebrtc-run-output");
    reader.setDaemon(true);
    reader.start();
    boolean exited;
    try {
      exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } finally {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    reader.join(TimeUnit.SECONDS.toMillis(5));
    assertThat(exited).as("the libwebrtc run finished within %d s", TIMEOUT_SECONDS).isTrue();
    List<String> failures = lines.stream().filter(l -> l.startsWith("FAIL")).toList();
    assertThat(failures).as("failed scenarios").isEmpty();
    for (Offerer offerer : Offerer.values()) {
      for (String fact : DataChannelScenarios.FACTS) {
        String prefix = "FACT libwebrtc/" + offerer.tag() + " " + fact + ":";
        assertThat(lines).as("fact %s", prefix).anyMatch(l -> l.startsWith(prefix));
      }
    }
    assertThat(process.exitValue()).isZero();
  }
}
