package dev.squall.cli.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.squall.datachannel.DataChannel;
import dev.squall.peer.CompleteDescriptions;
import dev.squall.peer.Description;
import dev.squall.peer.PeerConfiguration;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.UdpPeerConnections;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code java -jar squall-all.jar peer echo-server} as a process, connects a Java peer to it
 * through {@code POST /offer} and gets a message echoed. Runs in Maven's integration-test phase.
 */
class EchoServerProcessIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  private Process process;
  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

  @AfterEach
  void stop() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @Test
  void echoesThroughThePackagedJar() throws Exception {
    Path jar = Path.of(System.getProperty("squall.jar", "target/squall-all.jar"));
    assertThat(jar).as("the shaded jar (built by 'package')").isRegularFile();
    process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "peer",
                "echo-server",
                "--port",
                "0",
                "--ice-address",
                "127.0.0.1")
            .redirectError(tmp.resolve("stderr.txt").toFile())
            .start();
    CompletableFuture<String> firstLine =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    String line = firstLine.get(60, TimeUnit.SECONDS);
    assertThat(line).matches("POST offers to http://127\\.0\\.0\\.1:\\d+/offer .*");
    URI offerUri = URI.create(line.split(" ")[3]);

    List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
    try (PeerConnection pc =
        UdpPeerConnections.create(group.next(), PeerConfiguration.defaults(), loopback)
            .get(10, TimeUnit.SECONDS)) {
      DataChannel ch = pc.createDataChannel("echo");
      LinkedBlockingQueue<byte[]> echoed = new LinkedBlockingQueue<>();
      ch.onMessage(m -> echoed.add(m.data()));
      ch.onOpen(() -> ch.send(new byte[] {1, 2, 3}));
      String sdp =
          CompleteDescriptions.setLocalAndGather(pc, pc.createOffer().get(10, TimeUnit.SECONDS))
              .get(10, TimeUnit.SECONDS);
      HttpResponse<String> res =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(offerUri)
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              JSON.createObjectNode()
                                  .put("type", "offer")
                                  .put("sdp", sdp)
                                  .toString()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).isEqualTo(200);
      JsonNode answer = JSON.readTree(res.body());
      pc.setRemoteDescription(Description.answer(answer.path("sdp").asText()))
          .get(10, TimeUnit.SECONDS);
      assertThat(echoed.poll(20, TimeUnit.SECONDS)).containsExactly(1, 2, 3);
    }
  }
}
