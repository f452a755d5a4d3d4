package dev.squall.sctp;

/**
 * Why an association closed.
 *
 * @param kind the category
 * @param message a human-readable explanation (the peer's abort cause, the limit reached...)
 */
public record CloseReason(Kind kind, String message) {

  public enum Kind {
    /** The SHUTDOWN sequence completed (either side started it). */
    SHUTDOWN,
    /** {@link SctpAssociation#abort} was called. */
    LOCAL_ABORT,
    /** The peer sent ABORT. */
    PEER_ABORT,
    /** A retransmission limit was reached (handshake, data or heartbeat): the peer is gone. */
    TIMEOUT,
    /** The peer broke the protocol (or exceeded a limit such as the maximum message size). */
    PROTOCOL_ERROR
  }

  @Override
  public String toString() {
    return kind + ": " + message;
  }
}
