package dev.squall.interop.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.squall.interop.DataChannelScenarios;
import dev.squall.interop.ForeignEvent;
import dev.squall.interop.InteropServer;
import dev.squall.interop.JavaPeer;
import dev.squall.interop.Offerer;
import dev.squall.peer.SignalingPeer;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DataChannel interop of the Java peer with libdatachannel (npm node-datachannel 0.33.4 in a child
 * {@code node} process), both on 127.0.0.1, meeting through an in-process Squall signaling server.
 * Every scenario runs twice: libdatachannel offering (Java joined first) and Java offering.
 */
class LibDataChannelInteropTest {

  private static final Duration CONNECT = Duration.ofSeconds(20);

  private static InteropServer server;
  private JavaPeer java;
  private NodePeer node;

  @BeforeAll
  static void startServer() {
    server = InteropServer.start("127.0.0.1");
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
    if (java != null) {
      java.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Offerer.class)
  void textBinaryAndEmptyMessagesOnChannelsOpenedByEachSide(Offerer offerer) throws Exception {
    connect(offerer, "messages").messagesBothWays();
  }

  @ParameterizedTest
  @EnumSource(Offerer.class)
  void hundredMegabytesFromJavaWithBufferedAmountLowArriveIntact(Offerer offerer) throws Exception {
    connect(offerer, "bulk-java").bulkJavaToForeign(100L * 1024 * 1024);
  }

  @ParameterizedTest
  @EnumSource(Offerer.class)
  void tenMegabytesFromLibDataChannelArriveIntact(Offerer offerer) throws Exception {
    connect(offerer, "bulk-foreign").bulkForeignToJava(10L * 1024 * 1024);
  }

  @ParameterizedTest
  @EnumSource(Offerer.class)
  void unorderedUnreliableChannelsCarryMessagesBothWays(Offerer offerer) throws Exception {
    connect(offerer, "lossy").unorderedUnreliable();
  }

  @ParameterizedTest
  @EnumSource(Offerer.class)
  void closesAreSeenByTheOtherSide(Offerer offerer) throws Exception {
    connect(offerer, "close").closes();
  }

  /** Joins the answerer first, then the offerer (the newcomer offers), and waits for both. */
  private DataChannelScenarios connect(Offerer offerer, String scenario) throws Exception {
    String room = scenario + "-" + offerer.tag();
    java = JavaPeer.start(server.ws(), InetAddress.getLoopbackAddress());
    SignalingPeer signaling;
    if (offerer == Offerer.FOREIGN) {
      signaling = java.join(room);
      node = NodePeer.start(server.ws(), room);
    } else {
      node = NodePeer.start(server.ws(), room);
      node.events().await("joined", null, CONNECT);
      signaling = java.join(room);
    }
    ForeignEvent joined = node.events().await("joined", null, CONNECT);
    assertThat(joined.fields()).containsEntry("offering", offerer == Offerer.FOREIGN);
    java.connection().connected().get(CONNECT.toSeconds(), TimeUnit.SECONDS);
    node.events()
        .await(
            e -> e.is("state", null) && "connected".equals(e.string("state")),
            "libdatachannel connected",
            CONNECT);
    assertThat(signaling.failure()).isNotDone();
    String tag = "libdatachannel/" + offerer.tag();
    return new DataChannelScenarios(
        java.channels(),
        node,
        (fact, detail) -> System.out.println("FACT " + tag + " " + fact + ": " + detail));
  }
}
