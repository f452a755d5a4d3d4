package dev.squall.interop.libwebrtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.squall.interop.DataChannelScenarios;
import dev.squall.interop.ForeignEvent;
import dev.squall.interop.InteropServer;
import dev.squall.interop.JavaPeer;
import dev.squall.interop.Offerer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The libwebrtc interop run, meant for a private network namespace (libwebrtc gathers no loopback
 * addresses): an in-process Squall server on 127.0.0.1, the Java peer on the given address (default
 * 10.77.0.1, a veth in the namespace) and a webrtc-java peer, once with libwebrtc offering and once
 * with Java offering, each through every {@link DataChannelScenarios} scenario. Prints {@code FACT
 * libwebrtc/<role> <key>: <detail>} for each fact that held and {@code FAIL ...} for each scenario
 * that did not; exits 0 only when nothing failed.
 *
 * <p>Usage: {@code LibWebRtcInteropMain [address]}.
 */
public final class LibWebRtcInteropMain {

  private static final Duration CONNECT = Duration.ofSeconds(20);

  private LibWebRtcInteropMain() {}

  public static void main(String[] args) throws Exception {
    InetAddress address = InetAddress.getByName(args.length > 0 ? args[0] : "10.77.0.1");
    int failures = 0;
    HeadlessAudioDeviceModule audio = new HeadlessAudioDeviceModule();
    PeerConnectionFactory factory = new PeerConnectionFactory(audio);
    try (InteropServer server = InteropServer.start("127.0.0.1")) {
      for (Offerer offerer : Offerer.values()) {
        failures += run(factory, server, address, offerer);
      }
    } catch (Exception | Error e) {
      System.out.println("FAIL setup: " + e);
      e.printStackTrace(System.out);
      failures++;
    }
    System.out.println(failures == 0 ? "DONE all facts held" : "DONE " + failures + " failures");
    System.out.flush();
    // the factory's native threads must not keep the JVM alive: exit without disposing them
    System.exit(failures == 0 ? 0 : 1);
  }

  private static int run(
      PeerConnectionFactory factory, InteropServer server, InetAddress address, Offerer offerer)
      throws Exception {
    String tag = "libwebrtc/" + offerer.tag();
    String room = "libwebrtc-" + offerer.tag();
    int failures = 0;
    try (JavaPeer java = JavaPeer.start(server.ws(), address)) {
      LibWebRtcPeer foreign = null;
      try {
        if (offerer == Offerer.FOREIGN) {
          java.join(room);
          foreign = LibWebRtcPeer.join(factory, server.ws(), room);
        } else {
          foreign = LibWebRtcPeer.join(factory, server.ws(), room);
          java.join(room);
        }
        ForeignEvent joined = foreign.events().await("joined", null, CONNECT);
        if (!joined.fields().get("offering").equals(offerer == Offerer.FOREIGN)) {
          throw new AssertionError("libwebrtc joined in the wrong role: " + joined);
        }
        java.connection().connected().get(CONNECT.toSeconds(), TimeUnit.SECONDS);
        foreign
            .events()
            .await(
                e -> e.is("state", null) && "connected".equals(e.string("state")),
                "libwebrtc connected",
                CONNECT);
        System.out.println("CONNECTED " + tag + " over " + java.connection().selectedPair());
        DataChannelScenarios scenarios =
            new DataChannelScenarios(
                java.channels(),
                foreign,
                (fact, detail) -> System.out.println("FACT " + tag + " " + fact + ": " + detail));
        failures += attempt(tag, "messages", scenarios::messagesBothWays);
        failures += attempt(tag, "bulk-java", () -> scenarios.bulkJavaToForeign(100L << 20));
        failures += attempt(tag, "bulk-foreign", () -> scenarios.bulkForeignToJava(10L << 20));
        failures += attempt(tag, "unreliable", scenarios::unorderedUnreliable);
        failures += attempt(tag, "closes", scenarios::closes);
      } catch (Exception | AssertionError e) {
        System.out.println("FAIL " + tag + " connect: " + e);
        e.printStackTrace(System.out);
        failures++;
      } finally {
        if (foreign != null) {
          foreign.close();
        }
      }
    }
    return failures;
  }

  private interface Scenario {
    void run() throws Exception;
  }

  private static int attempt(String tag, String name, Scenario scenario) {
    try {
      scenario.run();
      return 0;
    } catch (Exception | AssertionError e) {
      System.out.println("FAIL " + tag + " " + name + ": " + e);
      e.printStackTrace(System.out);
      return 1;
    }
  }
}
