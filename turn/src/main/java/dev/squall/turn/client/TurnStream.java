package dev.squall.turn.client;

import java.util.function.Consumer;

/**
 * A connected TCP or TLS path to a TURN server (RFC 8656 §3.1): framed STUN and ChannelData
 * messages both ways ({@link #isStream()} is true). Messages from the server come out of the
 * handler one whole message at a time (padding removed), on the path's scheduler. {@link #close()}
 * closes the connection, which deletes the allocation on the server; the close handler runs once
 * whichever side closed.
 */
public interface TurnStream extends TurnPath {

  /** Sets the handler of messages from the server (once, before any arrives). */
  void onMessage(Consumer<byte[]> handler);

  /** Runs {@code listener} on the scheduler when the connection is gone. */
  void onClose(Runnable listener);

  /** Closes the connection; idempotent. */
  void close();
}
