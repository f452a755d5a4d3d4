package dev.squall.signal;

import java.util.List;
import java.util.Objects;

/**
 * One entry of the {@code iceServers} array in {@code joined} (docs/signaling.md), shaped like the
 * W3C {@code RTCIceServer} dictionary.
 *
 * <pre>
 * {"urls": ["stun:host:3478"], "username": "u", "credential": "p"}   // username, credential optional
 * </pre>
 *
 * @param urls one or more {@code stun:}/{@code turn:} URLs
 * @param username TURN user name, or null (omitted from JSON)
 * @param credential TURN password, or null (omitted from JSON)
 */
public record IceServer(List<String> urls, String username, String credential) {

  public IceServer {
    urls = List.copyOf(Objects.requireNonNull(urls, "urls"));
  }

  /** A server without credentials (STUN). */
  public static IceServer of(String... urls) {
    return new IceServer(List.of(urls), null, null);
  }
}
