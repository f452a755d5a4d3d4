package dev.squall.signal.netty;

import dev.squall.signal.SignalingHub;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.Objects;

/**
 * Installs the signaling WebSocket (docs/signaling.md) into an HTTP server pipeline. Call {@link
 * #install} after {@code HttpServerCodec} and {@code HttpObjectAggregator}; requests for other
 * paths pass through untouched to the handlers added after it.
 *
 * <p>Per connection: the upgrade on {@code path}; text frames are decoded with Jackson on the
 * channel's event loop and handed to the {@link SignalingHub}, whose answers are written back on
 * the channel's loop. Frames above {@code maxMessageBytes} get {@code too-large} and are dropped (a
 * single frame above four times that limit closes the connection with status 1009, so a client
 * cannot make the server buffer without bound). Binary frames get {@code bad-message}. The server
 * pings every {@code pingInterval} and closes (1001) a connection silent for {@code idleTimeout}.
 */
public final class SignalingWebSocket {

  /** Pipeline names of the handlers {@link #install} adds. */
  public static final String PROTOCOL = "signal-ws";

  public static final String AGGREGATOR = "signal-ws-aggregator";
  public static final String FRAMES = "signal-ws-frames";

  private SignalingWebSocket() {}

  /** Adds the WebSocket upgrade for {@code path} (e.g. {@code "/ws"}) and the frame handler. */
  public static void install(ChannelPipeline pipeline, SignalingHub hub, String path) {
    Objects.requireNonNull(hub, "hub");
    Objects.requireNonNull(path, "path");
    int max = hub.config().maxMessageBytes();
    int hardCap = (int) Math.min(Integer.MAX_VALUE - 1, Math.max(4L * max, 64 * 1024));
    WebSocketServerProtocolConfig config =
        WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(path)
            .checkStartsWith(true)
            .allowExtensions(false)
            .maxFramePayloadLength(hardCap)
            .handleCloseFrames(true)
            .dropPongFrames(true)
            .handshakeTimeoutMillis(10_000)
            .build();
    pipeline.addLast(PROTOCOL, new WebSocketServerProtocolHandler(config));
    pipeline.addLast(AGGREGATOR, new WebSocketFrameAggregator(max));
    pipeline.addLast(FRAMES, new SignalingFrameHandler(hub));
  }
}
