package dev.squall.signal.message;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message a client sends to the server (docs/signaling.md, "Client → server"). Every one may
 * carry a {@code ref} (string or number) that an {@code error} caused by it echoes.
 */
public sealed interface ClientMessage permits Join, Resume, Relay, Leave, Ping {

  /** The wire {@code type}. */
  String type();

  /** The client's {@code ref} (a textual or numeric node), or null. */
  JsonNode ref();
}
