package dev.squall.signal.message;

/**
 * A client message the server relays to another member of the sender's room: {@code offer}, {@code
 * answer}, {@code candidate} or {@code message}.
 */
public sealed interface Relay extends ClientMessage permits Offer, Answer, Candidate, AppMessage {

  /** The addressee's peer id; null only for a {@code message} broadcast to the whole room. */
  String to();

  /** The message the addressee receives: the same fields, {@code to} removed, {@code from} set. */
  Relayed from(String from);
}
