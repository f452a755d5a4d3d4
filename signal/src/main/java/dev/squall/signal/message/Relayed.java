package dev.squall.signal.message;

/**
 * A relayed message as the addressee receives it: the sender's fields plus {@code from}, without
 * {@code to}.
 */
public sealed interface Relayed extends ServerMessage
    permits RelayedOffer, RelayedAnswer, RelayedCandidate, RelayedMessage {

  /** The sender's peer id. */
  String from();
}
