package dev.squall.interop;

/**
 * The other WebRTC stack of an interop test, connected to the Java peer through the Squall
 * signaling server. Commands return at once; what happens is reported to {@link #events()}.
 *
 * <p>Channel events a foreign peer must report: {@code channel} (a channel the Java peer opened was
 * announced; {@code ordered} and {@code maxRetransmits} when the stack exposes them), {@code open},
 * {@code text} ({@code text}), {@code binary} ({@code hex}), {@code closed}; on a channel whose
 * label starts with {@code sink-}, binary messages are hashed instead of reported and the text
 * {@code end} yields {@code sink} ({@code bytes}, {@code messages}, {@code hex}: SHA-256).
 */
public interface ForeignPeer extends AutoCloseable {

  /** The stack's name, for the report. */
  String name();

  ForeignEvents events();

  /** Opens a channel; {@code maxRetransmits} null means reliable. */
  void open(String label, boolean ordered, Integer maxRetransmits);

  void sendText(String label, String text);

  void sendBinary(String label, byte[] data);

  /** Sends the texts {@code m-0} .. {@code m-(count-1)} once the channel is open. */
  void burst(String label, int count);

  /**
   * Opens {@code label} and sends {@code bytes} random bytes in binary messages of {@code chunk},
   * keeping the buffered amount under {@code high} and refilling when it falls to {@code low}; then
   * the text {@code end}. Reports {@code sent} ({@code bytes}, {@code messages}, {@code hex},
   * {@code lowEvents}) once everything is queued.
   */
  void bulk(String label, long bytes, int chunk, long high, long low);

  void close(String label);

  /** What the stack can tell about its side of a stalled scenario (for failure messages). */
  default String diagnostics() {
    return "";
  }

  /** Stops the foreign peer and everything it started. */
  @Override
  void close();
}
