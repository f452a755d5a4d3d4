package dev.squall.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * coturn's own TURN client against Squall's TURN server: {@code turnutils_uclient} relays a bounded
 * load (5 clients, 200 messages of 200 bytes each, 5 ms apart) to {@code turnutils_peer}, an echo
 * peer on loopback, over UDP and over TCP, with a static long-term user and with REST-API
 * credentials derived from the shared secret ({@code -W}). Every message must come back. Without
 * {@code --turn-allow-loopback-peers} the same run is refused with 403: loopback peers are not
 * relayed to by default. Needs the Debian package coturn (a missing binary fails the test).
 *
 * <p>The client runs with {@code -s} (CreatePermission, then Send and Data indications): in its
 * channel mode it picks random channel numbers from RFC 5766's range 0x4000–0x7FFF, and RFC 8656
 * §12 allows only 0x4000–0x4FFF, so three binds in four get 400 from a server that follows RFC
 * 8656. ChannelData itself is covered by {@code TurnRelayTest} and the Chromium relay test.
 */
class TurnInteropTest {

  static final String SECRET = "interop-shared-secret";
  private static final Pattern LOST =
      Pattern.compile("Total lost packets (\\d+) \\(([0-9.]+)%\\), total send dropped (\\d+)");
  private static final Pattern SENT_RECEIVED =
      Pattern.compile("tot_send_msgs=(\\d+), tot_recv_msgs=(\\d+)");

  @TempDir Path tmp;
  private final List<Process> processes = new ArrayList<>();
  private int peerPort;

  @BeforeEach
  void startPeer() throws Exception {
    ExternalTool.requireInstalled("turnutils_uclient", "coturn");
    ExternalTool.requireInstalled("turnutils_peer", "coturn");
    peerPort = freeUdpPort();
    processes.add(
        start(
            List.of("turnutils_peer", "-L", "127.0.0.1", "-p", String.valueOf(peerPort)), "peer"));
  }

  @AfterEach
  void stopProcesses() throws Exception {
    for (Process p : processes) {
      p.destroy();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  private static SquallServer server(boolean loopbackPeers) {
    SquallServer s =
        new SquallServer(
            TestServers.config()
                .stunPort(0)
                .turn(
                    TurnSettings.builder()
                        .secret(SECRET)
                        .user("alice", "wonderland")
                        .allowLoopbackPeers(loopbackPeers)
                        .build())
                .build());
    s.start();
    return s;
  }

  @Test
  void udpStaticUserRelaysEveryMessage() throws Exception {
    try (SquallServer s = server(true)) {
      assertNoLoss(uclient(s, List.of("-u", "alice", "-w", "wonderland")));
      assertThat(ServerCounters.relayedToPeer(s)).isGreaterThanOrEqualTo(1000);
    }
  }

  @Test
  void tcpStaticUserRelaysEveryMessage() throws Exception {
    try (SquallServer s = server(true)) {
      assertNoLoss(uclient(s, List.of("-t", "-u", "alice", "-w", "wonderland")));
    }
  }

  @Test
  void udpRestSecretCredentialsRelayEveryMessage() throws Exception {
    try (SquallServer s = server(true)) {
      assertNoLoss(uclient(s, List.of("-W", SECRET, "-u", "bob")));
    }
  }

  @Test
  void tcpRestSecretCredentialsRelayEveryMessage() throws Exception {
    try (SquallServer s = server(true)) {
      assertNoLoss(uclient(s, List.of("-t", "-W", SECRET, "-u", "bob")));
    }
  }

  @Test
  void loopbackPeersAreRefusedByDefault() throws Exception {
    try (SquallServer s = server(false)) {
      ExternalTool.Result r = uclient(s, List.of("-u", "alice", "-w", "wonderland"));
      assertThat(r.output()).contains("403");
      assertThat(r.exitCode()).as(r.output()).isNotZero();
      assertThat(ServerCounters.relayedToPeer(s)).isZero();
      assertThat(ServerCounters.refusals(s)).isPositive();
    }
  }

  private static void assertNoLoss(ExternalTool.Result r) {
    assertThat(r.exitCode()).as(r.output()).isZero();
    Matcher lost = LOST.matcher(r.output());
    assertThat(lost.find()).as(r.output()).isTrue();
    assertThat(lost.group(1)).as(r.output()).isEqualTo("0");
    assertThat(lost.group(3)).as(r.output()).isEqualTo("0");
    Matcher counts = SENT_RECEIVED.matcher(r.output());
    String last = null;
    String lastReceived = null;
    while (counts.find()) {
      last = counts.group(1);
      lastReceived = counts.group(2);
    }
    assertThat(last).as(r.output()).isEqualTo("1000");
    assertThat(lastReceived).as(r.output()).isEqualTo("1000");
  }

  /** 5 clients x 200 messages of 200 bytes, 5 ms apart, sent as Send indications, echoed. */
  private ExternalTool.Result uclient(SquallServer s, List<String> auth) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("turnutils_uclient"));
    cmd.addAll(auth);
    cmd.addAll(
        List.of(
            "-e",
            "127.0.0.1",
            "-r",
            String.valueOf(peerPort),
            "-m",
            "5",
            "-n",
            "200",
            "-l",
            "200",
            "-z",
            "5",
            "-c",
            "-s",
            "-p",
            String.valueOf(s.stunUdpPort()),
            "127.0.0.1"));
    Path out = Files.createTempFile(tmp, "uclient", ".out");
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    processes.add(p);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(cmd + " did not finish in 60 s: " + Files.readString(out));
    }
    return new ExternalTool.Result(
        p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1));
  }

  private Process start(List<String> command, String name) throws Exception {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve(name + ".out").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  private static int freeUdpPort() throws Exception {
    try (DatagramSocket s =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      return s.getLocalPort();
    }
  }
}
