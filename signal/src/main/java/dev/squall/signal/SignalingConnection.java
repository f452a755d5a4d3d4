package dev.squall.signal;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * The transport side of one client connection, as the {@link SignalingHub} sees it. The hub calls
 * these methods from its shards' schedulers (any of them, not necessarily the connection's own I/O
 * thread); implementations hand the work to their I/O thread and must not block. A WebSocket
 * binding lives in {@code dev.squall.signal.netty}; tests use fakes.
 */
public interface SignalingConnection {

  /** Queues one text frame holding {@code json}. Does nothing once the connection is closed. */
  void send(String json);

  /**
   * Queues one text frame holding the UTF-8 JSON in {@code utf8[offset, offset + length)}, as
   * {@link #send(String)}. The caller never changes those bytes afterwards, so an implementation
   * may keep (and share) the array instead of copying it. The default decodes and calls {@link
   * #send(String)}.
   */
  default void send(byte[] utf8, int offset, int length) {
    send(new String(utf8, offset, length, StandardCharsets.UTF_8));
  }

  /**
   * Sends a WebSocket close frame with {@code status} and {@code reason}, after every frame already
   * queued, then closes the connection.
   *
   * @return completes when the connection is closed
   */
  CompletableFuture<Void> close(int status, String reason);

  /** The client's address for logs, e.g. {@code 127.0.0.1:53122}. */
  String remoteHost();

  /**
   * The host part of the request's {@code Host} header (see {@link IceServerProvider#forHost}), or
   * null.
   */
  default String requestHost() {
    return null;
  }
}
