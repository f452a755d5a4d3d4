package dev.squall.sctp;

/**
 * Events of an {@link SctpAssociation}, called on its scheduler, never re-entrantly from another
 * callback. A listener may call back into the association (send, reset, close) from any of them.
 */
public interface SctpListener {

  /** The handshake completed: messages can flow. */
  default void onEstablished() {}

  /**
   * A complete message arrived.
   *
   * @param stream the stream identifier
   * @param ppid the payload protocol identifier (RFC 8831 §8: 50 DCEP, 51 string, 53 binary...)
   * @param data the message, owned by the listener
   * @param ordered false when sent unordered
   */
  default void onMessage(int stream, int ppid, byte[] data, boolean ordered) {}

  /** The peer reset these incoming streams (RFC 6525): their SSNs start again at 0. */
  default void onIncomingStreamsReset(int[] streams) {}

  /** The peer acknowledged the reset of these outgoing streams. */
  default void onOutgoingStreamsReset(int[] streams) {}

  /** The bytes buffered on {@code stream} fell to or below its low threshold. */
  default void onBufferedAmountLow(int stream) {}

  /** The association closed; nothing more is sent or delivered. Called once. */
  default void onClosed(CloseReason reason) {}
}
