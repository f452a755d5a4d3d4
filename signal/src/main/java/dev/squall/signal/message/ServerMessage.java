package dev.squall.signal.message;

/** A message the server sends to a client (docs/signaling.md, "Server → client"). */
public sealed interface ServerMessage
    permits Joined, PeerJoined, PeerLeft, Relayed, Pong, ErrorMessage, Shutdown {

  /** The wire {@code type}. */
  String type();
}
