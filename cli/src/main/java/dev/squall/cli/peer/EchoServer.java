package dev.squall.cli.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.squall.peer.CompleteDescriptions;
import dev.squall.peer.Description;
import dev.squall.peer.PeerConnection;
import dev.squall.peer.PeerConnectionState;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A non-trickle offer/answer endpoint: {@code POST /offer} with {@code {"type":"offer","sdp":...}}
 * creates a {@link PeerConnection}, waits for ICE gathering to complete and answers {@code
 * {"type":"answer","sdp":...}} with every candidate in the SDP; every DataChannel of the connection
 * is echoed ({@link ChannelEcho}). Bad requests get 400 with {@code {"error":...}}. Connections
 * that fail or close are dropped; {@link #close()} closes the rest and the listening socket.
 */
final class EchoServer implements AutoCloseable {

  static final int MAX_BODY = 256 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PeerRuntime runtime;
  private final ChannelEcho echo = new ChannelEcho("echo-server", System::currentTimeMillis);
  private final Set<PeerConnection> connections = ConcurrentHashMap.newKeySet();
  private Channel server;

  EchoServer(PeerRuntime runtime) {
    this.runtime = runtime;
  }

  /** Binds {@code host:port} (0 = any free port); returns the bound port. */
  int start(String host, int port) throws InterruptedException {
    server =
        new ServerBootstrap()
            .group(runtime.group())
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_BODY))
                        .addLast(new OfferHttpHandler(EchoServer.this::answer));
                  }
                })
            .bind(host, port)
            .sync()
            .channel();
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Live connections (for tests and logs). */
  int connections() {
    return connections.size();
  }

  /**
   * The answer JSON for an offer body; fails with {@link IllegalArgumentException} when the body is
   * not a valid offer (the handler turns that into 400).
   */
  CompletableFuture<String> answer(String body) {
    Description offer;
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("the body must be a JSON object");
      }
      if (!"offer".equals(node.path("type").asText())) {
        throw new IllegalArgumentException("\"type\" must be \"offer\"");
      }
      if (!node.path("sdp").isTextual()) {
        throw new IllegalArgumentException("\"sdp\" must be a string");
      }
      offer = Description.offer(node.get("sdp").asText());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    } catch (Exception e) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("not a valid offer: " + e.getMessage(), e));
    }
    return runtime
        .newConnection()
        .thenCompose(
            pc -> {
              connections.add(pc);
              pc.onDataChannel(echo::attach);
              pc.onConnectionStateChange(
                  s -> {
                    if (s == PeerConnectionState.FAILED
                        || s == PeerConnectionState.CLOSED
                        || s == PeerConnectionState.DISCONNECTED) {
                      connections.remove(pc);
                      pc.close();
                    }
                  });
              return pc.setRemoteDescription(offer)
                  .handle(
                      (v, e) -> {
                        if (e != null) {
                          pc.close();
                          throw new IllegalArgumentException(
                              "the offer was refused: " + rootMessage(e), e);
                        }
                        return pc;
                      })
                  .thenCompose(p -> p.createAnswer())
                  .thenCompose(a -> CompleteDescriptions.setLocalAndGather(pc, a))
                  .orTimeout(10, TimeUnit.SECONDS)
                  .thenApply(
                      sdp ->
                          JSON.createObjectNode().put("type", "answer").put("sdp", sdp).toString());
            });
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while ((t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public void close() {
    if (server != null) {
      server.close().syncUninterruptibly();
    }
    connections.forEach(PeerConnection::close);
    connections.clear();
  }
}
