package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code join}: enter a room; answered by {@link Joined}.
 *
 * <pre>
 * {"type":"join", "room":"demo", "name":"Ada", "token":"…"?, "ref":…?}
 * </pre>
 *
 * @param room room name, {@code ^[A-Za-z0-9_-]{1,64}$}
 * @param name display name, 1..64 characters after trimming, no control characters
 * @param token auth token (see {@code AuthTokens}), or null
 * @param ref the client's reference, or null
 */
public record Join(String room, String name, String token, JsonNode ref) implements ClientMessage {

  public Join(String room, String name, String token) {
    this(room, name, token, null);
  }

  @Override
  public String type() {
    return "join";
  }
}
