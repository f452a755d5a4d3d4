package dev.squall.signal;

import java.util.List;

/**
 * Chooses the ICE servers handed to a client in {@code joined}. Called on the hub's scheduler for
 * every join and resume, so it must be quick and must not block.
 */
@FunctionalInterface
public interface IceServerProvider {

  /**
   * The ICE servers for a client that reached the server under {@code requestHost}.
   *
   * @param requestHost the host part of the WebSocket request's {@code Host} header (IPv6 literals
   *     keep their brackets, e.g. {@code [::1]}), or null when unknown
   */
  List<IceServer> forHost(String requestHost);

  /**
   * The default: this server's own STUN port, {@code stun:<host>:3478}; nothing when the host is
   * unknown.
   */
  static IceServerProvider defaultStun() {
    return host ->
        host == null || host.isBlank()
            ? List.of()
            : List.of(IceServer.of("stun:" + host + ":3478"));
  }
}
