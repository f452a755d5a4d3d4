package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code resume}: re-attach to a session after the WebSocket dropped; answered by {@link Joined}
 * with {@code resumed: true}, then the queued messages.
 *
 * <pre>
 * {"type":"resume", "resumeToken":"…", "ref":…?}
 * </pre>
 *
 * @param resumeToken the {@code resumeToken} of the last {@code joined}
 * @param ref the client's reference, or null
 */
public record Resume(String resumeToken, JsonNode ref) implements ClientMessage {

  public Resume(String resumeToken) {
    this(resumeToken, null);
  }

  @Override
  public String type() {
    return "resume";
  }
}
