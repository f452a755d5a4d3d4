package dev.squall.e2e.nat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small internet in Linux network namespaces, for tests that need real NATs:
 *
 * <pre>
 *   host A 10.10.1.2 ── 10.10.1.1 [nat A] 198.51.100.2 ── 198.51.100.1 [public] 198.51.100.5 ── 198.51.100.6 [nat B] 10.10.2.1 ── 10.10.2.2 host B
 * </pre>
 *
 * Each NAT namespace forwards its LAN to its WAN with iptables MASQUERADE and random port mapping
 * (a new external port per destination: "symmetric" in RFC 4787 terms) and lets in only replies to
 * what went out (address- and port-dependent filtering). The public namespace does not forward at
 * all: the only way from site A to site B is through a server listening in the public namespace
 * ({@link #SERVER_IP}). Nothing in the lab can reach the machine's own network.
 *
 * <p>Namespaces are named after the test JVM's pid so that parallel runs do not collide; {@link
 * #close()} deletes them, which also removes every interface and rule. Needs root and the {@code
 * ip} and {@code iptables} commands (Debian packages iproute2 and iptables; {@code ./squall test}
 * installs them).
 */
public final class NatLab implements AutoCloseable {

  /** The public namespace's address on site A's side, where servers listen. */
  public static final String SERVER_IP = "198.51.100.1";

  /** Site A's NAT as the public namespace sees it. */
  public static final String NAT_A_WAN = "198.51.100.2";

  /** Site B's NAT as the public namespace sees it. */
  public static final String NAT_B_WAN = "198.51.100.6";

  /** Host A's private address. */
  public static final String HOST_A = "10.10.1.2";

  /** Host B's private address. */
  public static final String HOST_B = "10.10.2.2";

  private final String publicNs;
  private final String natA;
  private final String natB;
  private final String hostA;
  private final String hostB;
  private final List<String> created = new ArrayList<>();
  private final String prefix;
  private int links;

  private NatLab(String prefix) {
    this.prefix = prefix;
    publicNs = prefix + "pub";
    natA = prefix + "nata";
    natB = prefix + "natb";
    hostA = prefix + "a";
    hostB = prefix + "b";
  }

  /** Builds the lab; on failure deletes what was built and throws with the failing command. */
  public static NatLab create() throws IOException, InterruptedException {
    NatLab lab = new NatLab("sq" + ProcessHandle.current().pid());
    try {
      lab.build();
      return lab;
    } catch (IOException | InterruptedException | RuntimeException e) {
      lab.close();
      throw e;
    }
  }

  private void build() throws IOException, InterruptedException {
    for (String ns : List.of(publicNs, natA, natB, hostA, hostB)) {
      run("ip", "netns", "add", ns);
      created.add(ns);
      inNs(ns, "ip", "link", "set", "lo", "up");
    }
    link(publicNs, "pa", "198.51.100.1/30", natA, "wan", "198.51.100.2/30");
    link(publicNs, "pb", "198.51.100.5/30", natB, "wan", "198.51.100.6/30");
    link(natA, "lan", "10.10.1.1/24", hostA, "eth0", "10.10.1.2/24");
    link(natB, "lan", "10.10.2.1/24", hostB, "eth0", "10.10.2.2/24");
    inNs(hostA, "ip", "route", "add", "default", "via", "10.10.1.1");
    inNs(hostB, "ip", "route", "add", "default", "via", "10.10.2.1");
    inNs(natA, "ip", "route", "add", "default", "via", "198.51.100.1");
    inNs(natB, "ip", "route", "add", "default", "via", "198.51.100.5");
    for (String nat : List.of(natA, natB)) {
      inNs(nat, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
      inNs(
          nat,
          "iptables",
          "-t",
          "nat",
          "-A",
          "POSTROUTING",
          "-o",
          "wan",
          "-j",
          "MASQUERADE",
          "--random");
      inNs(nat, "iptables", "-P", "FORWARD", "DROP");
      inNs(nat, "iptables", "-A", "FORWARD", "-i", "lan", "-o", "wan", "-j", "ACCEPT");
      inNs(
          nat,
          "iptables",
          "-A",
          "FORWARD",
          "-i",
          "wan",
          "-o",
          "lan",
          "-m",
          "conntrack",
          "--ctstate",
          "ESTABLISHED,RELATED",
          "-j",
          "ACCEPT");
    }
    inNs(publicNs, "sysctl", "-q", "-w", "net.ipv4.ip_forward=0");
  }

  private void link(String nsA, String ifA, String addrA, String nsB, String ifB, String addrB)
      throws IOException, InterruptedException {
    links++;
    String tmpA = prefix + "v" + links + "a";
    String tmpB = prefix + "v" + links + "b";
    run("ip", "link", "add", tmpA, "type", "veth", "peer", "name", tmpB);
    run("ip", "link", "set", tmpA, "netns", nsA);
    run("ip", "link", "set", tmpB, "netns", nsB);
    inNs(nsA, "ip", "link", "set", tmpA, "name", ifA);
    inNs(nsB, "ip", "link", "set", tmpB, "name", ifB);
    inNs(nsA, "ip", "addr", "add", addrA, "dev", ifA);
    inNs(nsB, "ip", "addr", "add", addrB, "dev", ifB);
    inNs(nsA, "ip", "link", "set", ifA, "up");
    inNs(nsB, "ip", "link", "set", ifB, "up");
  }

  /** The public namespace, where servers run. */
  public String publicNamespace() {
    return publicNs;
  }

  /** The namespace of host A (behind NAT A). */
  public String hostA() {
    return hostA;
  }

  /** The namespace of host B (behind NAT B). */
  public String hostB() {
    return hostB;
  }

  /** A process builder for {@code command} inside namespace {@code ns}. */
  public static ProcessBuilder processIn(String ns, List<String> command) {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    full.addAll(command);
    return new ProcessBuilder(full);
  }

  /** Runs {@code command} in {@code ns}; returns its exit code (output is discarded). */
  public static int exitCodeIn(String ns, String... command)
      throws IOException, InterruptedException {
    Process p =
        processIn(ns, List.of(command))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    return p.exitValue();
  }

  private static void inNs(String ns, String... command) throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
    full.addAll(List.of(command));
    run(full.toArray(String[]::new));
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    if (p.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command)
              + " failed ("
              + p.exitValue()
              + "): "
              + new String(out, StandardCharsets.UTF_8).strip());
    }
  }

  /** The java launcher of this JVM, for child JVMs run inside a namespace. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Deletes every namespace the lab created (and with them its links and rules). */
  @Override
  public void close() {
    for (int i = created.size() - 1; i >= 0; i--) {
      String ns = created.get(i);
      try {
        run("ip", "netns", "del", ns);
      } catch (IOException | InterruptedException e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
      }
    }
    created.clear();
  }
}
